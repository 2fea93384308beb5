package org.billinghost.web.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.Locale;

/**
 * Both areas' form check, before any page and any login: a method other than GET, HEAD and POST, a form
 * that cannot be read, and a POST without this session's form token are refused.
 */
@Component(service = Filter.class, property = Constants.SERVICE_RANKING + ":Integer=" + CsrfFilter.RANKING)
@HttpWhiteboardContextSelect(Area.CONTEXTS)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("billing-csrf")
public final class CsrfFilter extends AreaFilter {
    static final int RANKING = SessionFilter.RANKING - 100;
    private static final Logger LOG = LoggerFactory.getLogger(CsrfFilter.class);
    /** The largest refused body read to its end before the answer (a form is refused well below this). */
    private static final long MAX_DRAINED = 4L * 1024 * 1024;
    static final String UNREADABLE = "This request could not be read: its address or form is malformed or too "
            + "large. Nothing was changed. Go back, reload the page and try again.";
    static final String MULTIPART = "This form was sent as multipart data, which this site does not accept. "
            + "Nothing was changed. Go back, reload the page and try again.";

    @Override
    protected boolean admits(Exchange exchange) throws UnsupportedEncodingException {
        HttpServletRequest request = exchange.request();
        String method = request.getMethod();
        if (!"GET".equals(method) && !"POST".equals(method) && !"HEAD".equals(method)) {
            exchange.header("Allow", "GET, HEAD, POST");
            throw new PageException(405, "This page answers GET and POST only.");
        }
        request.setCharacterEncoding("UTF-8");
        readParameters(exchange);
        if (exchange.isPost() && !exchange.tokenMatches()) {
            LOG.warn("Refused a POST without a valid form token: path={} address={}", LogText.of(exchange.path()),
                    LogText.of(exchange.remoteAddress()));
            throw PageException.forbidden("This form has expired or did not come from this site. "
                    + "Go back, reload the page and try again.");
        }
        return true;
    }

    /**
     * Parses the query and the form now, where a failure can be told apart: the container parses
     * them lazily and throws its own exceptions for a form over its size limit, a malformed
     * percent-escape or too many fields.
     */
    private static void readParameters(Exchange exchange) {
        HttpServletRequest request = exchange.request();
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            // no form here sends one, and the container would not read the token out of it
            unreadBody(exchange);
            throw PageException.badRequest(MULTIPART);
        }
        try {
            request.getParameterMap();
        } catch (RuntimeException e) {
            LOG.info("Refused a request whose parameters could not be read: path={} reason={}",
                    LogText.of(exchange.path()), LogText.of(e.getMessage()));
            unreadBody(exchange);
            throw PageException.badRequest(UNREADABLE);
        }
    }

    /**
     * The body was refused unread (or half read), so the container closes the connection after the answer: saying
     * so keeps a keep-alive browser or client from sending its next request on a connection that is about to go.
     * A body of at most {@link #MAX_DRAINED} bytes is read to its end first: closing a connection whose client is
     * still sending resets it, and the reset can destroy the answer before the browser reads it (it then shows a
     * "connection reset" page of its own instead of ours).
     */
    private static void unreadBody(Exchange exchange) {
        exchange.header("Connection", "close");
        HttpServletRequest request = exchange.request();
        long length = request.getContentLengthLong();
        if (length <= 0 || length > MAX_DRAINED) {
            return;
        }
        try (InputStream body = request.getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // the container may have given the body to its form parser already; the refusal stands either way
            LOG.debug("Body of a refused request not drained: {}", LogText.of(e.toString()));
        }
    }
}
