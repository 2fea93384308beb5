package org.billinghost.jetpack.sandbox.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billinghost.jetpack.sandbox.internal.licensing.LicensingSandbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetpack Partner API sandbox: the contract of {@code jetpack-partner-api.md} under {@code /sandbox/wpcom} and
 * that of {@code jetpack-licensing-api.md} under {@code /sandbox/wpcom/wpcom/v2/jetpack-licensing}, plus inspection
 * and fault injection (shared by both) under {@code /sandbox/wpcom/_sandbox}. State lives in memory.
 */
@Component(service = Servlet.class, configurationPid = SandboxServlet.PID)
@Designate(ocd = SandboxConfiguration.class)
@HttpWhiteboardServletName("jetpack-partner-sandbox")
@HttpWhiteboardServletPattern(SandboxServlet.PATTERN)
@HttpWhiteboardServletMultipart(maxFileSize = SandboxServlet.MAX_BODY_BYTES, maxRequestSize = SandboxServlet.MAX_BODY_BYTES)
public final class SandboxServlet extends HttpServlet {

    static final String PID = "jetpack.partner.sandbox";
    static final String PATTERN = "/sandbox/wpcom/*";
    static final long MAX_BODY_BYTES = 64 * 1024;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServlet.class);
    private static final String CONTROL_PREFIX = "/_sandbox";
    private static final String TOKEN_PATH = "/oauth2/token";
    private static final String PROVISION_PATH = "/rest/v1.3/jpphp/provision";
    private static final Pattern SITE_CALL = Pattern.compile("/rest/v1\\.3/jpphp/([^/]+)/(partner-cancel|status|upgrade-paths)");
    /** The docs describe status under v1.2 and v1.4 too; the shape follows the nestedStatus setting, not the path. */
    private static final Pattern OTHER_STATUS = Pattern.compile("/rest/v1\\.[24]/jpphp/([^/]+)/status");
    /** Jetty 12 (ee10) answers {@code sendError(-1)} by aborting the connection without writing anything. */
    private static final int ABORT_CONNECTION = -1;

    /** @param pathPart the site of a Partner API call's path, the license key of a Licensing API one, or null */
    private record Call(Endpoint endpoint, String pathPart) {
    }

    private final transient RequestStats stats = new RequestStats();
    private final transient ErrorShape errors;
    private final transient FaultInjector faults;
    private final transient PartnerApiEmulator api;
    private final transient SandboxControl control;
    private final transient LicensingSandbox licensing;

    @Activate
    public SandboxServlet(SandboxConfiguration config) {
        this(Partners.parse(config._partners()), Duration.ofSeconds(config.tokenLifetimeSeconds()), Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble(), ErrorShape.of(config.errorShape()), config.nestedStatus(),
                config._licensingPartners());
    }

    SandboxServlet(Partners partners, Duration tokenLifetime, Clock clock, DoubleSupplier random, ErrorShape errors,
                   boolean nestedStatus, String[] licensingPartners) {
        AccessTokens tokens = new AccessTokens(tokenLifetime, clock);
        SiteRegistry sites = new SiteRegistry();
        this.errors = errors;
        this.faults = new FaultInjector(random);
        this.api = new PartnerApiEmulator(partners, tokens, sites, errors, nestedStatus);
        this.licensing = new LicensingSandbox(licensingPartners, sites, clock, (int) MAX_BODY_BYTES);
        this.control = new SandboxControl(stats, sites, tokens, faults, licensing);
        LOG.info("Partner API sandbox ready path={} partners={} tokenLifetime={} errorShape={} nestedStatus={}"
                        + " licensingPartners={}", PATTERN, partners.ids(), tokenLifetime, errors, nestedStatus,
                licensing.partnerIds());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.startsWith(CONTROL_PREFIX + "/")) {
            write(response, control.handle(request.getMethod(), path.substring(CONTROL_PREFIX.length()),
                    () -> request.getInputStream().readNBytes((int) MAX_BODY_BYTES)));
            return;
        }
        boolean licensingCall = LicensingSandbox.serves(path);
        Optional<Call> call = licensingCall
                ? LicensingSandbox.route(request.getMethod(), path).map(r -> new Call(r.endpoint(), r.key()))
                : route(path);
        if (call.isEmpty()) {
            write(response, licensingCall ? LicensingSandbox.withRequestId(LicensingSandbox.noRoute())
                    : errors.answer(404, "unknown_endpoint", "No Partner API endpoint at " + path + "."));
            return;
        }
        Endpoint endpoint = call.get().endpoint();
        if (!endpoint.method().equals(request.getMethod())) {
            write(response, ApiAnswer.methodNotAllowed(endpoint.method()));
            return;
        }
        stats.record(endpoint);
        FaultInjector.Decision fault = faults.decide(endpoint);
        pause(fault.latencyMs());
        if (fault.answer().isPresent()) {
            FaultRule rule = fault.answer().get();
            if (rule.lost()) {
                process(call.get(), request);
            }
            if (rule.drop() || rule.lost()) {
                dropConnection(response);
            } else {
                write(response, tagged(endpoint, rule.answer(endpoint, errors)));
            }
            return;
        }
        write(response, tagged(endpoint, process(call.get(), request)));
    }

    private static ApiAnswer tagged(Endpoint endpoint, ApiAnswer answer) {
        return endpoint.api() == Endpoint.Api.LICENSING ? LicensingSandbox.withRequestId(answer) : answer;
    }

    private static Optional<Call> route(String path) {
        if (TOKEN_PATH.equals(path)) {
            return Optional.of(new Call(Endpoint.TOKEN, null));
        }
        if (PROVISION_PATH.equals(path)) {
            return Optional.of(new Call(Endpoint.PROVISION, null));
        }
        Matcher status = OTHER_STATUS.matcher(path);
        if (status.matches()) {
            return Optional.of(new Call(Endpoint.STATUS, status.group(1)));
        }
        Matcher site = SITE_CALL.matcher(path);
        if (!site.matches()) {
            return Optional.empty();
        }
        Endpoint endpoint = switch (site.group(2)) {
            case "partner-cancel" -> Endpoint.CANCEL;
            case "status" -> Endpoint.STATUS;
            default -> Endpoint.UPGRADE_PATHS;
        };
        return Optional.of(new Call(endpoint, site.group(1)));
    }

    private ApiAnswer process(Call call, HttpServletRequest request) throws IOException {
        if (call.endpoint().api() == Endpoint.Api.LICENSING) {
            return licensing.answer(new LicensingSandbox.Route(call.endpoint(), call.pathPart()), request);
        }
        String authorization = request.getHeader("Authorization");
        return switch (call.endpoint()) {
            case TOKEN -> withForm(request, call.endpoint(), api::token);
            case PROVISION -> withForm(request, call.endpoint(), form -> api.provision(authorization, form));
            case CANCEL -> withForm(request, call.endpoint(), form -> api.cancel(authorization, call.pathPart(), form));
            case STATUS -> api.status(authorization, call.pathPart());
            case UPGRADE_PATHS -> api.upgradePaths(authorization, call.pathPart());
            default -> throw new IllegalStateException("not a Partner API endpoint: " + call.endpoint());
        };
    }

    private interface FormCall {
        ApiAnswer answer(Map<String, String> form);
    }

    private ApiAnswer withForm(HttpServletRequest request, Endpoint endpoint, FormCall call) {
        Map<String, String> form;
        try {
            form = FormFields.read(request);
        } catch (IOException | ServletException | IllegalStateException e) {
            // IllegalStateException: Jetty's answer to a multipart body over the size limit
            String message = "The form body could not be read (urlencoded or multipart, at most " + MAX_BODY_BYTES + " bytes).";
            return endpoint == Endpoint.TOKEN
                    ? ApiAnswer.oauthError(400, "invalid_request", message)
                    : errors.answer(400, "invalid_request", message);
        }
        return call.answer(form);
    }

    /**
     * Felix HTTP's whiteboard wrapper sets the status before passing {@code sendError} on, and Jetty refuses
     * status -1: so the call goes to the container's own response, under every wrapper.
     */
    private static void dropConnection(ServletResponse response) throws IOException {
        ServletResponse container = response;
        while (container instanceof ServletResponseWrapper wrapper) {
            container = wrapper.getResponse();
        }
        ((HttpServletResponse) container).sendError(ABORT_CONNECTION);
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(HttpServletResponse response, ApiAnswer answer) throws IOException {
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
