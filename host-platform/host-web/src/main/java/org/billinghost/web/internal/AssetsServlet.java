package org.billinghost.web.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** {@code /assets/*}: the stylesheet, the admin area's small script and the icon, served from the bundle (no CDN). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/assets/*")
@HttpWhiteboardServletName("billing-assets")
public final class AssetsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FILES = Map.of("/style.css", "text/css;charset=UTF-8",
            "/admin.js", "text/javascript;charset=UTF-8", "/favicon.svg", "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        String type = name == null ? null : FILES.get(name);
        if (type == null) {
            response.sendError(404);
            return;
        }
        try (InputStream in = AssetsServlet.class.getClassLoader().getResourceAsStream("assets" + name)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            byte[] body = in.readAllBytes();
            response.setContentType(type);
            response.setHeader("Cache-Control", "public, max-age=3600");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
