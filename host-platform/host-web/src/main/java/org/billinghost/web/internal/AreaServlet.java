package org.billinghost.web.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.CatalogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * What the admin area and the client area share: the session, the CSRF check before any POST
 * reaches a page, and turning failures into a short page (the detail goes to the log only).
 */
public abstract class AreaServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AreaServlet.class);

    private final transient Templates templates;
    private final transient SessionStore sessions;
    private final String area;

    protected AreaServlet(Templates templates, SessionStore sessions, String area) {
        this.templates = templates;
        this.sessions = sessions;
        this.area = area;
    }

    /** Answers one request whose POST token has been checked. */
    protected abstract void handle(Exchange exchange) throws IOException;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"POST".equals(method) && !"HEAD".equals(method)) {
            response.sendError(405);
            return;
        }
        request.setCharacterEncoding("UTF-8");
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty()) {
            // Felix's whiteboard gives the site root to the "/" servlet with an empty servlet path and no path info.
            path = "/";
        }
        Exchange exchange = new Exchange(request, response, sessions.resolve(request, response), sessions,
                templates, path);
        exchange.share("area", area);
        try {
            if (exchange.isPost() && !exchange.session().csrfMatches(request.getParameter(Exchange.TOKEN))) {
                LOG.warn("Refused a POST without a valid form token: path={} address={}", path, request.getRemoteAddr());
                throw PageException.forbidden("This form has expired or did not come from this site. "
                        + "Go back, reload the page and try again.");
            }
            handle(exchange);
        } catch (PageException e) {
            error(exchange, e.status(), e.getMessage());
        } catch (BillingException e) {
            error(exchange, status(e.category()), e.getMessage());
        } catch (CatalogException e) {
            error(exchange, 400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Page failed: path={} method={}", path, method, e);
            error(exchange, 500, "Something went wrong. The details are in the host's log.");
        }
    }

    private static void error(Exchange exchange, int status, String message) throws IOException {
        try {
            exchange.render(status, "error.ftlh", Exchange.model("status", status, "message", message));
        } catch (RuntimeException e) {
            // Even the error page failed: answer plain text rather than let the container print a stack trace.
            LOG.error("Error page failed: status={}", status, e);
            exchange.plainText(500, "Something went wrong. The details are in the host's log.");
        }
    }

    private static int status(BillingException.Category category) {
        return switch (category) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
        };
    }
}
