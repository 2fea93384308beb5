package org.billinghost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages as Felix 7.0.5 words them. */
class ResolutionDiagnosisTest {

    @Test
    void namesTheBundleAndTheMissingPackageWithItsVersionRange() {
        String felix = "Unable to resolve org.apache.felix.metatype [5](R 5.0): missing requirement "
                + "[org.apache.felix.metatype [5](R 5.0)] osgi.wiring.package; "
                + "(&(osgi.wiring.package=org.osgi.service.log)(version>=1.3.0)(!(version>=2.0.0))) "
                + "Unresolved requirements: [[org.apache.felix.metatype [5](R 5.0)] osgi.wiring.package; "
                + "(&(osgi.wiring.package=org.osgi.service.log)(version>=1.3.0)(!(version>=2.0.0)))]";
        assertThat(ResolutionDiagnosis.sentence("x", felix)).isEqualTo("Bundle org.apache.felix.metatype does not resolve: "
                + "no installed bundle exports package org.osgi.service.log (version 1.3.0 up to 2.0.0 excluded).");
    }

    @Test
    void blamesTheInnermostCause() {
        String felix = "Unable to resolve org.billinghost.jetpack-server-bundle [40](R 40.0): missing requirement "
                + "[org.billinghost.jetpack-server-bundle [40](R 40.0)] osgi.wiring.package; "
                + "(&(osgi.wiring.package=okhttp3)(version>=5.3.0)) [caused by: Unable to resolve com.squareup.okhttp3 "
                + "[30](R 30.0): missing requirement [com.squareup.okhttp3 [30](R 30.0)] osgi.wiring.package; "
                + "(&(osgi.wiring.package=kotlin)(version>=2.1.0))] Unresolved requirements: []";
        assertThat(ResolutionDiagnosis.sentence("x", felix)).isEqualTo("Bundle com.squareup.okhttp3 does not resolve: "
                + "no installed bundle exports package kotlin (version 2.1.0 or later).");
    }

    @Test
    void otherRequirementsAreNamedAsTheyAre() {
        String felix = "Unable to resolve slf4j.api [14](R 14.0): missing requirement [slf4j.api [14](R 14.0)] "
                + "osgi.extender; (&(osgi.extender=osgi.serviceloader.processor)(version>=1.0.0)) Unresolved requirements: []";
        assertThat(ResolutionDiagnosis.sentence("x", felix)).isEqualTo("Bundle slf4j.api does not resolve: nothing "
                + "installed provides osgi.extender (&(osgi.extender=osgi.serviceloader.processor)(version>=1.0.0)).");
    }

    @Test
    void unknownWordingFallsBackToTheFirstLine() {
        assertThat(ResolutionDiagnosis.sentence("org.example.broken", "Something else\nsecond line"))
                .isEqualTo("Bundle org.example.broken does not resolve: Something else.");
    }
}
