package org.billinghost.web.internal;

import java.io.IOException;

/** One page (or a family of pages under one path): answers GET and, after the CSRF check, POST. */
@FunctionalInterface
public interface Page {
    void handle(Exchange exchange) throws IOException;
}
