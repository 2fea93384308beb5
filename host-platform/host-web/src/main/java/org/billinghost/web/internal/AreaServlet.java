package org.billinghost.web.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.log.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Locale;

/**
 * What the admin area and the client area share: the session, the CSRF check before any POST
 * reaches a page, and turning every failure into a short page of our own (the detail goes to the
 * log only, a stack trace at most once a minute per kind of failure).
 */
public abstract class AreaServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AreaServlet.class);
    private static final FailureLog FAILURES = new FailureLog(LOG);
    static final String UNREADABLE = "This request could not be read: its address or form is malformed or too "
            + "large. Nothing was changed. Go back, reload the page and try again.";
    static final String MULTIPART = "This form was sent as multipart data, which this site does not accept. "
            + "Nothing was changed. Go back, reload the page and try again.";
    private static final String FAILED = "Something went wrong. The details are in the host's log.";

    private final transient Templates templates;
    private final transient SessionStore sessions;
    private final transient TrustedProxies proxies;
    private final String area;

    protected AreaServlet(Templates templates, SessionStore sessions, TrustedProxies proxies, String area) {
        this.templates = templates;
        this.sessions = sessions;
        this.proxies = proxies;
        this.area = area;
    }

    /** Answers one request whose POST token has been checked. */
    protected abstract void handle(Exchange exchange) throws IOException;

    /**
     * Learns who is logged in and shares what every page of the area shows (the menu), before any
     * check that may refuse the request, so even the error page has the area's layout.
     */
    protected void identify(Exchange exchange) {
        // an area without a menu or a demo banner shares nothing
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty()) {
            // Felix's whiteboard gives the site root to the "/" servlet with an empty servlet path and no path info.
            path = "/";
        }
        Exchange exchange = new Exchange(request, response, sessions, proxies, templates, path);
        exchange.share("area", area);
        exchange.securityHeaders();
        try {
            exchange.findSession();
            identify(exchange);
            if (!"GET".equals(method) && !"POST".equals(method) && !"HEAD".equals(method)) {
                response.setHeader("Allow", "GET, HEAD, POST");
                throw new PageException(405, "This page answers GET and POST only.");
            }
            request.setCharacterEncoding("UTF-8");
            readParameters(request, response, path);
            if (exchange.isPost() && !exchange.tokenMatches()) {
                LOG.warn("Refused a POST without a valid form token: path={} address={}", LogText.of(path),
                        LogText.of(exchange.remoteAddress()));
                throw PageException.forbidden("This form has expired or did not come from this site. "
                        + "Go back, reload the page and try again.");
            }
            handle(exchange);
        } catch (PageException e) {
            error(exchange, response, e.status(), e.getMessage());
        } catch (BillingException e) {
            error(exchange, response, e.category().httpStatus(), e.getMessage());
        } catch (IOException e) {
            // the visitor's connection failed while the answer went out: no page can reach it, and it is no bug here
            LOG.info("Answer not delivered: path={} reason={}", LogText.of(path), LogText.of(e.toString()));
        } catch (Throwable e) {
            // Errors too (a StackOverflowError in a regular expression): the container's own page would name them.
            FAILURES.error(e, "Page failed: path={} method={}", LogText.of(path), LogText.of(method));
            error(exchange, response, 500, FAILED);
        }
    }

    /**
     * Parses the query and the form now, where a failure can be told apart: the container parses
     * them lazily and throws its own exceptions for a form over its size limit, a malformed
     * percent-escape or too many fields.
     */
    private static void readParameters(HttpServletRequest request, HttpServletResponse response, String path) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            // no form here sends one, and the container would not read the token out of it
            unreadBody(response);
            throw PageException.badRequest(MULTIPART);
        }
        try {
            request.getParameterMap();
        } catch (RuntimeException e) {
            LOG.info("Refused a request whose parameters could not be read: path={} reason={}", LogText.of(path),
                    LogText.of(e.getMessage()));
            unreadBody(response);
            throw PageException.badRequest(UNREADABLE);
        }
    }

    /**
     * The body was refused unread (or half read), so the container closes the connection after the answer: saying
     * so keeps a keep-alive browser or client from sending its next request on a connection that is about to go.
     */
    private static void unreadBody(HttpServletResponse response) {
        response.setHeader("Connection", "close");
    }

    private static void error(Exchange exchange, HttpServletResponse response, int status, String message)
            throws IOException {
        if (response.isCommitted()) {
            // part of the page has gone out already: nothing can replace it
            return;
        }
        try {
            exchange.render(status, "error.ftlh", Exchange.model("status", status, "message", message));
        } catch (RuntimeException e) {
            // Even the error page failed: answer plain text rather than let the container print a stack trace.
            FAILURES.error(e, "Error page failed: status={}", status);
            exchange.plainText(500, FAILED);
        }
    }
}
