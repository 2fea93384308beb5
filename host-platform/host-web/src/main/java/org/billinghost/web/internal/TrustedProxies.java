package org.billinghost.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a request says about itself is believed only from the reverse proxies the operator
 * trusts ({@link WebConfiguration#trustedProxies()}): whether the visitor's connection is TLS
 * ({@code X-Forwarded-Proto}) and the visitor's address ({@code X-Forwarded-For}). From anyone
 * else these headers are ignored, since a visitor could send them to pose as someone else.
 */
@Component(service = TrustedProxies.class, configurationPid = WebConfiguration.PID)
@Designate(ocd = WebConfiguration.class)
public final class TrustedProxies {
    private static final Logger LOG = LoggerFactory.getLogger(TrustedProxies.class);
    /** An IPv4 or IPv6 literal; nothing else is looked at (no name is ever resolved). */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    /** scheme://host[:port] and nothing else: no path, no user, no line break. */
    private static final Pattern PUBLIC_ADDRESS = Pattern.compile("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    private static final Pattern HOST_HEADER =
            Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

    private volatile Set<String> addresses = Set.of();
    private volatile String publicAddress = "";

    @Activate
    public TrustedProxies(WebConfiguration config) {
        modified(config);
    }

    public TrustedProxies(Collection<String> addresses) {
        this.addresses = normalise(addresses);
    }

    @Modified
    void modified(WebConfiguration config) {
        // a .cfg file gives one comma-separated string, Configuration Admin an array: accept both
        this.addresses = normalise(Arrays.stream(config.trustedProxies())
                .flatMap(v -> Arrays.stream(v.split("[,\\s]+"))).toList());
        String configured = config.publicAddress() == null ? "" : config.publicAddress().trim().replaceAll("/+$", "");
        if (!configured.isEmpty() && !PUBLIC_ADDRESS.matcher(configured).matches()) {
            LOG.warn("Ignored public address {}: not scheme://host[:port]", LogText.of(configured));
            configured = "";
        }
        this.publicAddress = configured;
    }

    /**
     * Where links sent by e-mail point: the configured public address, else the scheme and Host header of the
     * request (a malformed Host gives the server's own name).
     */
    public String publicAddress(HttpServletRequest request) {
        String configured = publicAddress;
        if (!configured.isEmpty()) {
            return configured;
        }
        String host = request.getHeader("Host");
        if (host == null || !HOST_HEADER.matcher(host.trim()).matches()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return (isSecure(request) ? "https" : "http") + "://" + host.trim();
    }

    /** Whether the visitor reached us over TLS: directly, or through a trusted proxy that says so. */
    public boolean isSecure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        return proto != null && "https".equalsIgnoreCase(proto.trim()) && trusted(request.getRemoteAddr());
    }

    /**
     * The visitor's address: the connection's peer, or, when that is a trusted proxy, the last
     * address in {@code X-Forwarded-For} that is not a trusted proxy (the ones further left were
     * written by the visitor and prove nothing).
     */
    public String clientAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!trusted(address)) {
            return address;
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!ADDRESS.matcher(hop).matches()) {
                return address;
            }
            if (!trusted(hop)) {
                return hop;
            }
            address = hop;
        }
        return address;
    }

    private boolean trusted(String address) {
        Set<String> current = addresses;
        return !current.isEmpty() && address != null && current.contains(normalise(address));
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        Enumeration<String> headers = request.getHeaders("X-Forwarded-For");
        while (headers != null && headers.hasMoreElements()) {
            for (String hop : headers.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }

    private static Set<String> normalise(Collection<String> configured) {
        Set<String> out = new HashSet<>();
        for (String a : configured) {
            String trimmed = a.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (ADDRESS.matcher(trimmed).matches()) {
                out.add(normalise(trimmed));
            } else {
                LOG.warn("Ignored trusted proxy {}: not an IP address", LogText.of(trimmed));
            }
        }
        return Set.copyOf(out);
    }

    /** One spelling per IPv6 address ({@code ::1} and {@code 0:0:0:0:0:0:0:1}); IPv4 as written. */
    private static String normalise(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal with a colon is never looked up in DNS
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
