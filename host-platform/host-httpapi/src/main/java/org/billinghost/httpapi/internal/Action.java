package org.billinghost.httpapi.internal;

import java.util.Map;
import org.billinghost.api.module.AdminIdentity;

/** One API action: answers the fields to send next to {@code "result":"success"}, or throws. */
@FunctionalInterface
public interface Action {
    Map<String, Object> handle(ApiRequest request, AdminIdentity admin);
}
