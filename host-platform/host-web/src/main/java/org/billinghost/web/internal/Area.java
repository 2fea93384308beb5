package org.billinghost.web.internal;

import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

import java.io.IOException;

/**
 * One area of the site (admin, store and client area): its servlet context on the whiteboard, its
 * sessions and its route table. The whiteboard filters ({@link SessionFilter}, {@link CsrfFilter},
 * {@link LoginFilter}, {@link RoleFilter}) run the same steps for every area and ask the area only
 * what differs: who is logged in, whether the visitor may open the path, and the page.
 */
public abstract class Area extends ServletContextHelper {
    /** The admin area's servlet context (under {@code /admin}). */
    public static final String ADMIN_CONTEXT = "billing-admin";
    /** The store's and client area's servlet context (at the site root, beside the default one). */
    public static final String CLIENT_CONTEXT = "billing-client";
    static final String ADMIN_SELECT = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
            + ADMIN_CONTEXT + ")";
    static final String CLIENT_SELECT = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
            + CLIENT_CONTEXT + ")";
    /** Selects both areas' contexts: the filters run in each. */
    static final String CONTEXTS = "(|" + ADMIN_SELECT + CLIENT_SELECT + ")";

    private final String name;
    private final String contextPath;
    private final SessionStore sessions;
    private final TrustedProxies proxies;
    private final Templates templates = new Templates();

    /** {@code contextPath}: the context's path as a request names it ({@code ""} for the site root). */
    protected Area(String name, String contextPath, SessionStore sessions, TrustedProxies proxies) {
        this.name = name;
        this.contextPath = contextPath;
        this.sessions = sessions;
        this.proxies = proxies;
    }

    /** The area's name, as the layout and the sessions' table know it: {@code admin} or {@code client}. */
    public String name() {
        return name;
    }

    String contextPath() {
        return contextPath;
    }

    SessionStore sessions() {
        return sessions;
    }

    TrustedProxies proxies() {
        return proxies;
    }

    Templates templates() {
        return templates;
    }

    /**
     * Learns who is logged in and shares what every page of the area shows (the menu), before any
     * check that may refuse the request, so even the error page has the area's layout.
     */
    protected abstract void identify(Exchange exchange);

    /** The login check: false when the visitor has been sent to log in (the answer is given). */
    protected abstract boolean admits(Exchange exchange) throws IOException;

    /** The role check: throws {@link PageException} (403, or 404 for no page) when the visitor may not go on. */
    protected abstract void authorize(Exchange exchange);

    /** The page at {@code path}: throws a 404 {@link PageException} when there is none. */
    protected abstract Page page(String path);
}
