package org.billinghost.core.internal.commands;

import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh H2 assembly per test with the fake server module registered and a shop to order from. */
public abstract class FlowTestSupport {
    protected CoreAssembly core;
    protected FakeServerModule module;
    protected Shop shop;

    @BeforeEach
    void setUpFlow() {
        core = CoreAssembly.h2();
        module = new FakeServerModule();
        core.addServerModule(Shop.MODULE, module);
        shop = new Shop(core);
    }

    @AfterEach
    void closeFlow() {
        core.close();
    }

    protected ServiceStatus status(long serviceId) {
        return core.services().get(serviceId).orElseThrow().status();
    }
}
