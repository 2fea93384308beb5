package org.billinghost.web.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** A check of the area's filter chain, run inside {@link SessionFilter}'s failure handling. */
abstract class AreaFilter implements Filter {
    /** Whether the request goes on; a refusal throws {@link PageException} or answers (a redirect) and says no. */
    protected abstract boolean admits(Exchange exchange) throws IOException;

    @Override
    public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (admits(Exchange.of((HttpServletRequest) request))) {
            chain.doFilter(request, response);
        }
    }
}
