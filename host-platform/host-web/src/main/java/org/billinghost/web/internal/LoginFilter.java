package org.billinghost.web.internal;

import jakarta.servlet.Filter;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import java.io.IOException;

/** Both areas' login check: a page that needs a logged-in person sends anyone else to the area's login page. */
@Component(service = Filter.class, property = Constants.SERVICE_RANKING + ":Integer=" + LoginFilter.RANKING)
@HttpWhiteboardContextSelect(Area.CONTEXTS)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("billing-login")
public final class LoginFilter extends AreaFilter {
    static final int RANKING = CsrfFilter.RANKING - 100;

    @Override
    protected boolean admits(Exchange exchange) throws IOException {
        return exchange.area().admits(exchange);
    }
}
