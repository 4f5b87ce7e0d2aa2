<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PayPanel</name>
    <message>
        <location filename="../../ui/pay_panel.py" line="228"/>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="229"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="230"/>
        <source>Paid so far</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="231"/>
        <source>Balance due</source>
        <translation>应付余额</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="232"/>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="233"/>
        <location filename="../../ui/pay_panel.py" line="244"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="234"/>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="235"/>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="236"/>
        <source>&amp;Add a payment method</source>
        <translation>添加付款方式(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="237"/>
        <source>Cash &amp;handed over (¥):</source>
        <translation>实收现金(&amp;H)（¥）：</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="238"/>
        <source>&amp;Take payment</source>
        <translation>收款(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="239"/>
        <source>Payments on this bill</source>
        <translation>本账单的付款记录</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="243"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="245"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="246"/>
        <source>Reference / reason</source>
        <translation>凭证号 / 原因</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="247"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="250"/>
        <source>Refund (¥)</source>
        <translation>退款（¥）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="251"/>
        <source>Reason for the refund (required)</source>
        <translation>退款原因（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="252"/>
        <source>Re&amp;fund selected payment</source>
        <translation>退还所选付款(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="253"/>
        <source>&amp;Print receipt</source>
        <translation>打印收据(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="260"/>
        <source>Slip / transaction no. (required)</source>
        <translation>签购单号 / 交易单号（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="261"/>
        <source>Reference (optional)</source>
        <translation>凭证号（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="262"/>
        <source>Remove this payment method</source>
        <translation>删除此付款方式</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="275"/>
        <source>Pick a bill in the queue to take its payment.</source>
        <translation>请在左侧队列中选择要收款的账单。</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="287"/>
        <source>Settlement %1, settled %2 by %3</source>
        <translation>结算单 %1，%3 于 %2 结算</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="304"/>
        <source>The car has been handed over: this bill is closed.</source>
        <translation>车辆已交付：本账单已结清。</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="309"/>
        <source>Waiting for the advisor to explain the items to the customer: the payment is taken after that.</source>
        <translation>等待服务顾问向客户逐项解释结算项目：解释后方可收款。</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="315"/>
        <source>Paid in full.</source>
        <translation>已全额付清。</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="335"/>
        <source>refund of #%1: %2</source>
        <translation>退还 #%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="431"/>
        <source>An amount is not a number of yuan.</source>
        <translation>有金额不是有效的元数。</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="433"/>
        <source>%1 more than the balance due</source>
        <translation>超出应付余额 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="436"/>
        <source>Paying %1 of %2: %3 left due after this payment</source>
        <translation>本次支付 %1（应付 %2），付后仍欠 %3</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="441"/>
        <source>Paying the whole balance: %1</source>
        <translation>付清全部余额：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="455"/>
        <source>Change due: —</source>
        <translation>找零：—</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="459"/>
        <source>%1 short of the cash part</source>
        <translation>比现金付款少 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="462"/>
        <location filename="../../ui/pay_panel.py" line="499"/>
        <source>Change due: %1</source>
        <translation>找零：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="473"/>
        <source>Payment %1: the amount is not a number of yuan.</source>
        <translation>第 %1 笔：金额不是有效的元数。</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="497"/>
        <source>Payment taken: %1.</source>
        <translation>已收款：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="528"/>
        <source>Pick the payment to refund in the list above.</source>
        <translation>请在上方列表中选择要退款的付款。</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="532"/>
        <source>The refund is not a number of yuan.</source>
        <translation>退款金额不是有效的元数。</translation>
    </message>
    <message>
        <location filename="../../ui/pay_panel.py" line="545"/>
        <source>Refunded %1.</source>
        <translation>已退款 %1。</translation>
    </message>
</context>
<context>
    <name>PaymentQueueModel</name>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="69"/>
        <source>Waiting for the advisor to explain the items to the customer</source>
        <translation>等待服务顾问向客户逐项解释结算项目</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="89"/>
        <source>%1 · %2 ago</source>
        <translation>%1 · %2前</translation>
    </message>
</context>
<context>
    <name>PaymentsWorkspace</name>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="179"/>
        <location filename="../../ui/workspaces/payments.py" line="182"/>
        <source>Payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="183"/>
        <source>&amp;Open RO</source>
        <translation>打开工单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="184"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="185"/>
        <source>Re-read the queue (F5)</source>
        <translation>重新读取队列（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="188"/>
        <source>No bill is waiting for payment. A repair order appears here as soon as its advisor settles it.</source>
        <translation>暂无待收款的账单。服务顾问结算工单后，账单会立即显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="194"/>
        <source>RO</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="195"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="196"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="197"/>
        <source>Settled · waiting</source>
        <translation>结算时间 · 已等待</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="198"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="199"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="200"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces/payments.py" line="229"/>
        <source>%1 bills waiting · %2 due</source>
        <translation>%1 张账单待收款 · 应收 %2</translation>
    </message>
</context>
</TS>
