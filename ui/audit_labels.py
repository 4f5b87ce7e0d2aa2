"""Words for the audit trail's codes: the record kind (``repair_order``) and the action
(``book_appointment``), as a service manager would say them.

The services log codes; the audit viewer shows these words and keeps the code in a
tooltip. An unknown code is shown as itself. The RO's timeline events (``arrived``,
``clock_on`` …) are audited under their own code and take their words from
``ui.event_labels``. Every call names its context and text literally: pyside6-lupdate
does not see through wrappers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.event_labels import event_label


def entity_label(code: str) -> str:
    """The kind of record in the user's language (the code itself when unknown)."""
    labels = {
        "appointment": QCoreApplication.translate("AuditLabels", "Appointment"),
        "assignment": QCoreApplication.translate("AuditLabels", "Job"),
        "authorisation": QCoreApplication.translate("AuditLabels", "Authorisation"),
        "campaign": QCoreApplication.translate("AuditLabels", "Campaign"),
        "audit": QCoreApplication.translate("AuditLabels", "Audit trail"),
        "change_request": QCoreApplication.translate("AuditLabels", "Change request"),
        "concern": QCoreApplication.translate("AuditLabels", "Concern"),
        "contact": QCoreApplication.translate("AuditLabels", "Contact"),
        "customer": QCoreApplication.translate("AuditLabels", "Customer"),
        "database": QCoreApplication.translate("AuditLabels", "Database"),
        "demo": QCoreApplication.translate("AuditLabels", "Demo data"),
        "estimate_line": QCoreApplication.translate("AuditLabels", "Estimate line"),
        "follow_up": QCoreApplication.translate("AuditLabels", "Follow-up"),
        "part": QCoreApplication.translate("AuditLabels", "Part"),
        "part_order": QCoreApplication.translate("AuditLabels", "Part order"),
        "payment": QCoreApplication.translate("AuditLabels", "Payment"),
        "qc_check": QCoreApplication.translate("AuditLabels", "Final QC"),
        "repair_order": QCoreApplication.translate("AuditLabels", "Repair order"),
        "setting": QCoreApplication.translate("AuditLabels", "Setting"),
        "settlement": QCoreApplication.translate("AuditLabels", "Settlement"),
        "task": QCoreApplication.translate("AuditLabels", "Task"),
        "technician": QCoreApplication.translate("AuditLabels", "Technician"),
        "user": QCoreApplication.translate("AuditLabels", "User"),
        "vehicle": QCoreApplication.translate("AuditLabels", "Vehicle"),
        "certification": QCoreApplication.translate("AuditLabels", "Technician certificate"),
        "complaint": QCoreApplication.translate("AuditLabels", "Complaint"),
        "holiday": QCoreApplication.translate("AuditLabels", "Holiday"),
        "improvement_action": QCoreApplication.translate("AuditLabels", "Improvement action"),
        "self_check": QCoreApplication.translate("AuditLabels", "Technician's self-check"),
        "photo": QCoreApplication.translate("AuditLabels", "Photo"),
        "inspection": QCoreApplication.translate("AuditLabels", "Vehicle inspection"),
        "inspection_result": QCoreApplication.translate("AuditLabels", "Inspection item"),
        "inspection_item": QCoreApplication.translate("AuditLabels", "Inspection checklist item"),
    }
    return labels.get(code, code)


def record_label(entity: str, entity_id: int | None) -> str:
    """``Repair order #10``; the kind alone when the row names no record (a setting)."""
    label = entity_label(entity)
    return label if entity_id is None else f"{label} #{entity_id}"


def action_label(code: str) -> str:
    """What was done, in the user's language (the code itself when unknown)."""
    labels = {
        "add_campaign": QCoreApplication.translate("AuditLabels", "Campaign added"),
        "add_canned_job": QCoreApplication.translate("AuditLabels", "Canned job added"),
        "add_line": QCoreApplication.translate("AuditLabels", "Line added"),
        "add_part": QCoreApplication.translate("AuditLabels", "Part added to the catalogue"),
        "add_technician": QCoreApplication.translate("AuditLabels", "Technician added"),
        "add_user": QCoreApplication.translate("AuditLabels", "User added"),
        "add_vehicle": QCoreApplication.translate("AuditLabels", "Vehicle added"),
        "apply_change": QCoreApplication.translate("AuditLabels", "Change applied"),
        "approve_major": QCoreApplication.translate("AuditLabels", "Major change approved"),
        "assign": QCoreApplication.translate("AuditLabels", "Job assigned"),
        "authorise_estimate": QCoreApplication.translate("AuditLabels", "Estimate authorised"),
        "book_appointment": QCoreApplication.translate("AuditLabels", "Appointment booked"),
        "book_arrival": QCoreApplication.translate("AuditLabels", "Order booked in"),
        "cancel": QCoreApplication.translate("AuditLabels", "Cancelled"),
        "cancel_line": QCoreApplication.translate("AuditLabels", "Line cancelled"),
        "check_in": QCoreApplication.translate("AuditLabels", "Check-in recorded"),
        "complete_task": QCoreApplication.translate("AuditLabels", "Task done"),
        "confirm_symptom": QCoreApplication.translate("AuditLabels", "Symptom confirmed with customer"),
        "accept_head": QCoreApplication.translate("AuditLabels", "Audit trail accepted as it is"),
        "confirm_wash": QCoreApplication.translate("AuditLabels", "Wash result confirmed"),
        "correct_concern": QCoreApplication.translate("AuditLabels", "Concern corrected"),
        "create_customer": QCoreApplication.translate("AuditLabels", "Customer created"),
        "create_first_admin": QCoreApplication.translate("AuditLabels", "First administrator created"),
        "demo_data": QCoreApplication.translate("AuditLabels", "Demo data loaded"),
        "migrate": QCoreApplication.translate("AuditLabels", "Database migrated"),
        "backup": QCoreApplication.translate("AuditLabels", "Backup made"),
        "restore": QCoreApplication.translate("AuditLabels", "Backup restored"),
        "set_up_dealer": QCoreApplication.translate("AuditLabels", "Dealership profile set"),
        "erase_customer": QCoreApplication.translate("AuditLabels", "Customer data erased"),
        "reseal": QCoreApplication.translate("AuditLabels", "Audit trail re-sealed with the dealership key"),
        "export_customer_data": QCoreApplication.translate("AuditLabels", "Customer data exported"),
        "findings_to_work": QCoreApplication.translate("AuditLabels", "Inspection findings turned into work"),
        "flag_for_training": QCoreApplication.translate("AuditLabels", "Training flag changed"),
        "hand_over": QCoreApplication.translate("AuditLabels", "Car handed over"),
        "link_comeback": QCoreApplication.translate("AuditLabels", "Linked as a comeback"),
        "log_contact": QCoreApplication.translate("AuditLabels", "Contact logged"),
        "log_follow_up": QCoreApplication.translate("AuditLabels", "Follow-up call logged"),
        "login_failed": QCoreApplication.translate("AuditLabels", "Failed login"),
        "no_show": QCoreApplication.translate("AuditLabels", "Marked as no-show"),
        "not_reached": QCoreApplication.translate("AuditLabels", "Customer not reached"),
        "open": QCoreApplication.translate("AuditLabels", "Repair order opened"),
        "order_part": QCoreApplication.translate("AuditLabels", "Part ordered"),
        "pay": QCoreApplication.translate("AuditLabels", "Payment received"),
        "pin_failed": QCoreApplication.translate("AuditLabels", "Wrong PIN"),
        "pin_locked": QCoreApplication.translate("AuditLabels", "PIN locked after wrong tries"),
        "pin_login": QCoreApplication.translate("AuditLabels", "Signed in with PIN"),
        "reassign": QCoreApplication.translate("AuditLabels", "Reassigned"),
        "receive_stock": QCoreApplication.translate("AuditLabels", "Stock received"),
        "reconfirm": QCoreApplication.translate("AuditLabels", "Reconfirmation call logged"),
        "record_concern": QCoreApplication.translate("AuditLabels", "Concern recorded"),
        "record_consent": QCoreApplication.translate("AuditLabels", "Customer's answer recorded"),
        "record_finding": QCoreApplication.translate("AuditLabels", "Diagnosis finding recorded"),
        "record_qc": QCoreApplication.translate("AuditLabels", "Final QC recorded"),
        "refund": QCoreApplication.translate("AuditLabels", "Refund"),
        "reject_major": QCoreApplication.translate("AuditLabels", "Major change rejected"),
        "request_assist": QCoreApplication.translate("AuditLabels", "Technician assistance requested"),
        "request_change": QCoreApplication.translate("AuditLabels", "Change requested"),
        "reschedule": QCoreApplication.translate("AuditLabels", "Appointment rescheduled"),
        "reset_password": QCoreApplication.translate("AuditLabels", "Password reset"),
        "restate": QCoreApplication.translate("AuditLabels", "Advisor's restatement saved"),
        "restore_backup": QCoreApplication.translate("AuditLabels", "Backup restored"),
        "rework": QCoreApplication.translate("AuditLabels", "Sent back for rework"),
        "set_active": QCoreApplication.translate("AuditLabels", "Account status changed"),
        "set_certificate": QCoreApplication.translate("AuditLabels", "Certificate number recorded"),
        "set_expected": QCoreApplication.translate("AuditLabels", "Expected date changed"),
        "set_old_part_handling": QCoreApplication.translate("AuditLabels", "Old part handling set"),
        "set_pin": QCoreApplication.translate("AuditLabels", "PIN set"),
        "set_role": QCoreApplication.translate("AuditLabels", "Role changed"),
        "set_setting": QCoreApplication.translate("AuditLabels", "Setting changed"),
        "set_terms": QCoreApplication.translate("AuditLabels", "Price and promised time set"),
        "set_wash": QCoreApplication.translate("AuditLabels", "Wash decision recorded"),
        "settle": QCoreApplication.translate("AuditLabels", "Settlement issued"),
        "supply_line": QCoreApplication.translate("AuditLabels", "Part reserved or ordered"),
        "update_customer": QCoreApplication.translate("AuditLabels", "Customer details changed"),
        "update_line": QCoreApplication.translate("AuditLabels", "Line changed"),
        "update_vehicle": QCoreApplication.translate("AuditLabels", "Vehicle details changed"),
        "add_certification": QCoreApplication.translate("AuditLabels", "Certificate added"),
        "add_holiday": QCoreApplication.translate("AuditLabels", "Holiday added"),
        "approve_compensation": QCoreApplication.translate("AuditLabels", "Compensation approved"),
        "close_complaint": QCoreApplication.translate("AuditLabels", "Complaint closed"),
        "complete_action": QCoreApplication.translate("AuditLabels", "Improvement action done"),
        "escalate_complaint": QCoreApplication.translate("AuditLabels", "Complaint escalated to the manager"),
        "fill_year": QCoreApplication.translate("AuditLabels", "Festivals of the year filled in"),
        "prep_tick": QCoreApplication.translate("AuditLabels", "Arrival preparation ticked"),
        "prep_untick": QCoreApplication.translate("AuditLabels", "Arrival preparation unticked"),
        "propose_compensation": QCoreApplication.translate("AuditLabels", "Compensation offered"),
        "raise_complaint": QCoreApplication.translate("AuditLabels", "Complaint recorded"),
        "record_action": QCoreApplication.translate("AuditLabels", "Improvement action recorded"),
        "remove_certification": QCoreApplication.translate("AuditLabels", "Certificate removed"),
        "remove_holiday": QCoreApplication.translate("AuditLabels", "Holiday removed"),
        "retell_range": QCoreApplication.translate("AuditLabels", "Price range told again"),
        "sign_self_check": QCoreApplication.translate("AuditLabels", "Self-check signed"),
        "add_photo": QCoreApplication.translate("AuditLabels", "Photo added"),
        "remove_photo": QCoreApplication.translate("AuditLabels", "Photo removed"),
        "caption_photo": QCoreApplication.translate("AuditLabels", "Photo caption changed"),
        "start_inspection": QCoreApplication.translate("AuditLabels", "Inspection started"),
        "rate_item": QCoreApplication.translate("AuditLabels", "Inspection item rated"),
        "set_recommendation": QCoreApplication.translate("AuditLabels", "Inspection recommendation written"),
        "finish_inspection": QCoreApplication.translate("AuditLabels", "Inspection finished"),
        "add_checklist_item": QCoreApplication.translate("AuditLabels", "Checklist item added"),
        "edit_checklist_item": QCoreApplication.translate("AuditLabels", "Checklist item changed"),
        "move_checklist_item": QCoreApplication.translate("AuditLabels", "Checklist item moved"),
    }
    label = labels.get(code)
    return label if label is not None else event_label(code)
