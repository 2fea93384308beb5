package org.billinghost.api.platform;

import org.billinghost.api.module.ModuleCommand;

/**
 * Hooks are Event Admin events. Topics are {@code billing/hook/<WHMCS hook name>}; properties are
 * the constants below. Pre-command topics are sent synchronously: a handler vetoes the command by
 * putting a message into the event's {@link #VETO} holder (a {@code java.util.List<String>}).
 */
public final class HookTopics {
    public static final String PREFIX = "billing/hook/";
    /** Subscribe to every hook. */
    public static final String ALL = PREFIX + "*";

    public static final String ACCEPT_ORDER = PREFIX + "AcceptOrder";
    public static final String ORDER_PAID = PREFIX + "OrderPaid";
    public static final String INVOICE_PAID = PREFIX + "InvoicePaid";
    public static final String AFTER_SHOPPING_CART_CHECKOUT = PREFIX + "AfterShoppingCartCheckout";
    public static final String ADDON_MODULE_CONFIG_SAVE = PREFIX + "AddonModuleConfigSave";
    public static final String SERVICE_EDIT = PREFIX + "ServiceEdit";
    /** An invoice was created (an order's, a renewal's or an upgrade's). @since 2.1 */
    public static final String INVOICE_CREATED = PREFIX + "InvoiceCreated";
    /** An unpaid invoice was cancelled. @since 2.1 */
    public static final String INVOICE_CANCELLED = PREFIX + "InvoiceCancelled";
    /** The daily automation starts (WHMCS's PreCronJob); property {@link #RUN_ID}. @since 2.1 */
    public static final String PRE_CRON_JOB = PREFIX + "PreCronJob";
    /** The daily automation ended (WHMCS's AfterCronJob); property {@link #RUN_ID}. @since 2.1 */
    public static final String AFTER_CRON_JOB = PREFIX + "AfterCronJob";
    /** The automation queued a service's suspension for non-payment. @since 2.1 */
    public static final String AUTOMATION_SUSPEND = PREFIX + "AutomationSuspend";
    /** A payment left a service suspended for non-payment with nothing overdue: its Unsuspend is queued. @since 2.1 */
    public static final String AUTOMATION_UNSUSPEND = PREFIX + "AutomationUnsuspend";
    /** The automation queued a service's termination (overdue, or a cancellation request's date came). @since 2.1 */
    public static final String AUTOMATION_TERMINATE = PREFIX + "AutomationTerminate";
    /** A customer or an admin asked to cancel a service (WHMCS's CancellationRequest). @since 2.1 */
    public static final String CANCELLATION_REQUEST = PREFIX + "CancellationRequest";
    /** A service's product or cycle changed (WHMCS's AfterProductUpgrade). @since 2.1 */
    public static final String AFTER_PRODUCT_UPGRADE = PREFIX + "AfterProductUpgrade";

    // Event properties (not every event carries every property)
    public static final String SERVICE_ID = "serviceid";
    public static final String CLIENT_ID = "clientid";
    public static final String ORDER_ID = "orderid";
    public static final String INVOICE_ID = "invoiceid";
    public static final String PRODUCT_ID = "productid";
    public static final String MODULE = "module";
    public static final String COMMAND = "command";
    /** The failure message on After...Failed events. */
    public static final String ERROR = "error";
    /** On Pre events: a mutable {@code java.util.List<String>} a handler adds its refusal to. */
    public static final String VETO = "veto";
    /** On AddonModuleConfigSave: the names of the settings that changed (a {@code java.util.List<String>}). */
    public static final String CHANGED_SETTINGS = "changed";
    /** On PreCronJob and AfterCronJob: the automation run's id. @since 2.1 */
    public static final String RUN_ID = "runid";

    private HookTopics() {
    }

    /** {@code billing/hook/PreModuleCreate} etc. */
    public static String pre(ModuleCommand command) {
        return PREFIX + "PreModule" + command.hookName();
    }

    /** {@code billing/hook/AfterModuleCreate} etc. */
    public static String after(ModuleCommand command) {
        return PREFIX + "AfterModule" + command.hookName();
    }

    /** {@code billing/hook/AfterModuleCreateFailed} etc. */
    public static String afterFailed(ModuleCommand command) {
        return PREFIX + "AfterModule" + command.hookName() + "Failed";
    }
}
