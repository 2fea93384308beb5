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
