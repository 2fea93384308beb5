package org.billinghost.core.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs a test method once per database (H2, PostgreSQL, MariaDB). The method may take a
 * {@link TestDatabase} and/or a {@link CoreAssembly} parameter: the database is created once per test
 * class and database kind (tests of one class share it, so they use distinct names and ids), the
 * assembly once per invocation. A server that is absent skips its invocations loudly.
 */
public final class AllDatabases implements TestTemplateInvocationContextProvider {

    /** Marks a test method to run on every database. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @TestTemplate
    @ExtendWith(AllDatabases.class)
    public @interface Test {
    }

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AllDatabases.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        ExtensionContext.Store classStore = context.getParent().orElseThrow().getStore(NS);
        return Stream.of(Dialect.values()).map(d -> new OnDatabase(d, classStore));
    }

    private record OnDatabase(Dialect dialect, ExtensionContext.Store classStore) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return dialect.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            BeforeEachCallback skipWhenAbsent = c -> TestDatabases.assumeAvailable(dialect);
            ParameterResolver resolver = new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
                    Class<?> type = p.getParameter().getType();
                    return type == TestDatabase.class || type == CoreAssembly.class;
                }

                @Override
                public Object resolveParameter(ParameterContext p, ExtensionContext c) {
                    TestDatabase db = classStore.getOrComputeIfAbsent(dialect, TestDatabases::create, TestDatabase.class);
                    if (p.getParameter().getType() == TestDatabase.class) {
                        return db;
                    }
                    return c.getStore(NS).getOrComputeIfAbsent("assembly", k -> CoreAssembly.on(db.database()),
                            CoreAssembly.class);
                }
            };
            return List.of(skipWhenAbsent, resolver);
        }
    }
}
