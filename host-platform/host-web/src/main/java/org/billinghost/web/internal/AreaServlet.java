package org.billinghost.web.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import java.io.IOException;

/**
 * The areas' one servlet: runs the page of the area's route table at the request's path. Everything
 * before it (session, form token, login, role, the error page) is done by the whiteboard filters. It is
 * each context's default servlet ({@code /}), so it takes every path of the context that no other servlet
 * of the context takes, and an unknown one gets the area's 404 page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(Area.CONTEXTS)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("billing-area")
public final class AreaServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Exchange exchange = Exchange.of(request);
        exchange.area().page(exchange.path()).handle(exchange);
    }
}
