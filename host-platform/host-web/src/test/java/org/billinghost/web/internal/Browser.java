package org.billinghost.web.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test browser: keeps cookies, does not follow redirects by itself, and sends the CSRF token of
 * the last page it read with every {@link #submit} (as a real form would).
 */
public final class Browser {
    /** One answer; {@code doc} is the parsed body. */
    public record Page(int status, String body, Document doc, Optional<String> location, List<String> setCookies,
                       java.net.http.HttpHeaders headers) {
        public String text() {
            return doc.text();
        }
    }

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String token = "";

    public Browser(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends this header with every later request (as a proxy in front of the host would). */
    public Browser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** One GET, no redirect followed. */
    public Page get(String path) {
        return send(request(path).GET().build());
    }

    /** GET, following redirects (as a browser does after a 303). */
    public Page open(String path) {
        return follow(get(path));
    }

    /** POSTs the form fields plus the current page's token, and follows the redirect that answers it. */
    public Page submit(String path, String... fields) {
        return follow(postRaw(path, withToken(fields)));
    }

    /** POSTs with the token but does not follow a redirect. */
    public Page post(String path, String... fields) {
        return postRaw(path, withToken(fields));
    }

    /** POSTs exactly the given fields (no token added). */
    public Page postRaw(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return postBody(path, "application/x-www-form-urlencoded", body.toString());
    }

    /** POSTs a body exactly as given (a malformed or oversized form, a multipart body). */
    public Page postBody(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Any method, no body. */
    public Page method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        headers.forEach(builder::header);
        return builder;
    }

    public String base() {
        return base.toString();
    }

    public String token() {
        return token;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private String[] withToken(String... fields) {
        List<String> all = new ArrayList<>(List.of(fields));
        all.add("token");
        all.add(token);
        return all.toArray(String[]::new);
    }

    private Page follow(Page page) {
        Page current = page;
        for (int i = 0; i < 5 && current.location().isPresent(); i++) {
            current = get(current.location().get());
        }
        return current;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            Document doc = Jsoup.parse(r.body(), base.toString());
            doc.select("input[name=token]").stream().findFirst().ifPresent(e -> token = e.attr("value"));
            return new Page(r.statusCode(), r.body(), doc, r.headers().firstValue("Location"),
                    r.headers().allValues("Set-Cookie"), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
