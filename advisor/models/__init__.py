"""Peewee models, one module per area. Only ``advisor`` code imports these."""

from __future__ import annotations

from advisor.models.audit import AuditLog, AuditPersonal, Counter, Setting
from advisor.models.base import BaseModel, now
from advisor.models.complaints import Complaint, Holiday, ImprovementAction
from advisor.models.evidence import Inspection, InspectionItem, InspectionResult, Photo, Signature
from advisor.models.followup import FollowUp
from advisor.models.money import Payment, Settlement
from advisor.models.orders import (
    Appointment,
    Authorisation,
    CannedJob,
    ChangeRequest,
    Concern,
    EstimateLine,
    RepairOrder,
    StepEvent,
)
from advisor.models.parts import Part, PartOrder, StockMove, Task
from advisor.models.people import Customer, User
from advisor.models.quality import QCCheck
from advisor.models.solicitation import ContactLog, DeclineReason
from advisor.models.standards import AppointmentPrep, SelfCheck
from advisor.models.vehicles import Campaign, MileageReading, Vehicle
from advisor.models.workshop import Assignment, Bay, Certification, ClockEvent, Technician

ALL_MODELS: list[type[BaseModel]] = [
    User,
    Customer,
    Vehicle,
    MileageReading,
    Campaign,
    DeclineReason,
    ContactLog,
    Appointment,
    RepairOrder,
    StepEvent,
    Concern,
    ChangeRequest,
    EstimateLine,
    Authorisation,
    CannedJob,
    Part,
    StockMove,
    PartOrder,
    Task,
    Technician,
    Bay,
    Assignment,
    ClockEvent,
    QCCheck,
    Settlement,
    Payment,
    FollowUp,
    AuditLog,
    AuditPersonal,
    Setting,
    Counter,
    Complaint,
    ImprovementAction,
    Holiday,
    SelfCheck,
    AppointmentPrep,
    Certification,
    Photo,
    InspectionItem,
    Inspection,
    InspectionResult,
    Signature,
]

__all__ = [
    "ALL_MODELS",
    "Appointment",
    "AppointmentPrep",
    "Assignment",
    "AuditLog",
    "AuditPersonal",
    "Authorisation",
    "Bay",
    "Campaign",
    "CannedJob",
    "Certification",
    "ChangeRequest",
    "ClockEvent",
    "Complaint",
    "Concern",
    "ContactLog",
    "Counter",
    "Customer",
    "DeclineReason",
    "EstimateLine",
    "FollowUp",
    "Holiday",
    "ImprovementAction",
    "Inspection",
    "InspectionItem",
    "InspectionResult",
    "MileageReading",
    "Part",
    "PartOrder",
    "Payment",
    "Photo",
    "QCCheck",
    "RepairOrder",
    "SelfCheck",
    "Setting",
    "Settlement",
    "Signature",
    "StepEvent",
    "StockMove",
    "Task",
    "Technician",
    "User",
    "Vehicle",
    "now",
]
