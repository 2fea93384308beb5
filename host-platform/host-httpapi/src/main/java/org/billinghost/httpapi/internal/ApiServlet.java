package org.billinghost.httpapi.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.ModuleCommands;
import org.billinghost.api.billing.ModuleQueue;
import org.billinghost.api.billing.Modules;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Services;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.httpapi.internal.actions.CatalogActions;
import org.billinghost.httpapi.internal.actions.ClientActions;
import org.billinghost.httpapi.internal.actions.InvoiceActions;
import org.billinghost.httpapi.internal.actions.LogActions;
import org.billinghost.httpapi.internal.actions.ModuleActions;
import org.billinghost.httpapi.internal.actions.ModuleCommandActions;
import org.billinghost.httpapi.internal.actions.OrderActions;
import org.billinghost.httpapi.internal.actions.QueueActions;
import org.billinghost.httpapi.internal.actions.ServiceActions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WHMCS-compatible API at {@code /includes/api.php}: POST, form-encoded, multipart (PHP's curl
 * sends that when given an array) or a JSON object body.
 * Every answer is JSON of the form {@code {"result":"success",...}} or
 * {@code {"result":"error","message":"..."}}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(ApiServlet.PATH)
@HttpWhiteboardServletName("billing-http-api")
@HttpWhiteboardServletMultipart(maxFileSize = ApiServlet.MAX_BODY_BYTES, maxRequestSize = ApiServlet.MAX_BODY_BYTES)
public final class ApiServlet extends HttpServlet {

    public static final String PATH = "/includes/api.php";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    /** Larger JSON and multipart bodies are refused; url-encoded forms are bounded by the HTTP server. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final transient ObjectMapper json;
    private final transient ApiDispatcher dispatcher;

    @Activate
    public ApiServlet(@Reference ApiCredentials credentials, @Reference Admins admins, @Reference Clients clients,
                      @Reference Catalog catalog, @Reference Orders orders, @Reference Invoices invoices,
                      @Reference Services services, @Reference ModuleCommands commands,
                      @Reference ModuleQueue queue, @Reference Modules modules, @Reference ActivityLog activityLog) {
        this(new ApiBackend(credentials, admins, clients, catalog, orders, invoices, services, commands, queue,
                modules, activityLog));
    }

    public ApiServlet(ApiBackend backend) {
        this.json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.dispatcher = new ApiDispatcher(backend, actions(backend, json));
    }

    static ActionTable actions(ApiBackend b, ObjectMapper json) {
        ActionTable table = new ActionTable();
        new ClientActions(b.clients()).register(table);
        new CatalogActions(b.catalog()).register(table);
        new OrderActions(b.orders(), b.clients(), b.services(), json).register(table);
        new InvoiceActions(b.invoices(), b.orders()).register(table);
        new ServiceActions(b.services(), b.clients(), b.catalog(), json).register(table);
        new ModuleCommandActions(b.commands(), b.services()).register(table);
        new QueueActions(b.queue()).register(table);
        new LogActions(b.activityLog(), b.clients()).register(table);
        new ModuleActions(b.modules()).register(table);
        return table;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ApiDispatcher.Answer answer;
        if (!"POST".equals(req.getMethod())) {
            // credentials in a URL end up in logs and histories
            resp.setHeader("Allow", "POST");
            answer = ApiDispatcher.error(405, "Use POST: the API takes its parameters in the request body");
        } else {
            answer = handle(req);
        }
        resp.setStatus(answer.status());
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        // a fixed length: no chunking, and a complete answer even when an early refusal leaves the body unread
        byte[] out = json.writeValueAsBytes(answer.body());
        resp.setContentLength(out.length);
        resp.getOutputStream().write(out);
    }

    private ApiDispatcher.Answer handle(HttpServletRequest req) {
        ApiRequest request;
        try {
            request = parse(req);
        } catch (ApiError e) {
            return ApiDispatcher.error(e.status(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            // a body the server could not read or decode (bad encoding, too large, connection lost)
            LOG.debug("API request body unreadable: {}", e.toString());
            return ApiDispatcher.error(400, "The request body could not be read as a form or a JSON object");
        }
        return dispatcher.dispatch(request);
    }

    private ApiRequest parse(HttpServletRequest req) throws IOException {
        String contentType = req.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return ApiRequest.fromJson(readJsonObject(req));
        }
        return ApiRequest.fromForm(req.getParameterMap());
    }

    private Map<String, Object> readJsonObject(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new ApiError(413, "The JSON body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiError(413, "The JSON body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            Object value = json.readValue(body, Object.class);
            if (!(value instanceof Map<?, ?>)) {
                throw ApiError.badRequest("The JSON body must be an object of parameters");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Malformed JSON body: " + e.getOriginalMessage());
        }
    }
}
