package org.billinghost.web.internal;

import jakarta.servlet.Filter;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/** Both areas' role check, after the login: the logged-in person's role must allow the route's page. */
@Component(service = Filter.class, property = Constants.SERVICE_RANKING + ":Integer=" + RoleFilter.RANKING)
@HttpWhiteboardContextSelect(Area.CONTEXTS)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("billing-role")
public final class RoleFilter extends AreaFilter {
    static final int RANKING = LoginFilter.RANKING - 100;

    @Override
    protected boolean admits(Exchange exchange) {
        exchange.area().authorize(exchange);
        return true;
    }
}
