package org.billinghost.jetpack.sandbox.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per test class, reset before each test, with a fresh token of the demo partner. */
abstract class SandboxTestSupport {

    static SandboxHarness sandbox;

    String token;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxHarness.start();
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
        token = sandbox.token();
    }
}
