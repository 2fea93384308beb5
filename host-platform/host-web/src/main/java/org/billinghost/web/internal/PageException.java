package org.billinghost.web.internal;

/** Stops a page with an HTTP status and a short message for the visitor (404, 403, 400). */
public final class PageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public PageException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static PageException notFound(String message) {
        return new PageException(404, message);
    }

    public static PageException forbidden(String message) {
        return new PageException(403, message);
    }

    public static PageException badRequest(String message) {
        return new PageException(400, message);
    }
}
