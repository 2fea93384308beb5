package org.billinghost.jetpack.sandbox.internal.licensing;

import org.billinghost.jetpack.sandbox.internal.ApiAnswer;
import org.billinghost.jetpack.sandbox.internal.ErrorShape;

/** Ends a Licensing API call with an error answer; thrown before anything changed. */
final class LicensingError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    LicensingError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** WordPress's REST layer's code for a missing required parameter. */
    static LicensingError missing(String name) {
        return new LicensingError(400, "rest_missing_callback_param", "Missing parameter(s): " + name);
    }

    /** WordPress's REST layer's code for a parameter with an unusable value. */
    static LicensingError invalid(String name, String reason) {
        return new LicensingError(400, "rest_invalid_param", "Invalid parameter(s): " + name + " (" + reason + ")");
    }

    ApiAnswer answer() {
        return ErrorShape.LICENSING.answer(status, code, getMessage());
    }
}
