package dev.jobrouter.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.junit.jupiter.api.Test;

/** The build ships the built-in rules compiled; a run reads them only when they match the DRL. */
class PrecompiledRulesTest {
    private static final ClassLoader LOADER = PrecompiledRulesTest.class.getClassLoader();

    /** @return each rule by package and name, with what decides how it fires */
    private static Map<String, String> shapes(List<InternalKnowledgePackage> packages) {
        Map<String, String> shapes = new TreeMap<>();
        for (InternalKnowledgePackage kiePackage : packages) {
            for (RuleImpl rule : kiePackage.getRules().stream().map(RuleImpl.class::cast).toList()) {
                String conditions = rule.getLhs().getChildren().stream()
                        .map(element -> element instanceof Pattern pattern
                                ? pattern.getObjectType() + " with " + pattern.getConstraints().size() + " constraints"
                                : element.getClass().getSimpleName())
                        .toList().toString();
                shapes.put(rule.getPackageName() + "/" + rule.getName(), conditions + " salience " + rule.getSalience()
                        + " dialect " + rule.getDialect() + " " + rule.getMetaData());
            }
        }
        return shapes;
    }

    @Test
    void theBuildShipsTheBuiltInRulesPrecompiled() {
        assertThat(BuiltInRules.packages().origin()).isEqualTo(BuiltInRules.Origin.PRECOMPILED);
        assertThat(LOADER.getResource(BuiltInRules.PRECOMPILED)).isNotNull();
    }

    @Test
    void thePrecompiledRulesAreTheDrlsRules() {
        List<InternalKnowledgePackage> compiled = RuleBase.compilePackages(BuiltInRules.sources(LOADER));

        assertThat(shapes(BuiltInRules.packages().packages())).isEqualTo(shapes(compiled)).hasSizeGreaterThan(10);
    }

    @Test
    void packagesMadeFromOtherDrlWithAnotherDroolsOrUnreadableAreNotUsed() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        BuiltInRules.write(written, LOADER);
        String fingerprint = BuiltInRules.fingerprint(BuiltInRules.sources(LOADER));
        List<DrlSource> edited = List.of(new DrlSource("jobs.drl", "package dev.jobrouter.rules;\n"));

        String version = BuiltInRules.droolsVersion();

        assertThat(version).doesNotContain("unknown");
        assertThat(BuiltInRules.read(new ByteArrayInputStream(written.toByteArray()), fingerprint, version, LOADER))
                .hasValueSatisfying(packages -> assertThat(shapes(packages)).hasSizeGreaterThan(10));
        assertThat(BuiltInRules.read(new ByteArrayInputStream(written.toByteArray()),
                BuiltInRules.fingerprint(edited), version, LOADER)).isEmpty();
        assertThat(BuiltInRules.read(new ByteArrayInputStream(written.toByteArray()), fingerprint, "10.1.0 10.1.0",
                LOADER)).as("made with another Drools version").isEmpty();
        assertThat(BuiltInRules.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), fingerprint, version, LOADER))
                .isEmpty();
    }

    @Test
    void withoutPrecompiledPackagesTheDrlIsCompiled() {
        ClassLoader withoutPackages = new ClassLoader(LOADER) {
            @Override
            public java.net.URL getResource(String name) {
                return name.equals(BuiltInRules.PRECOMPILED) ? null : super.getResource(name);
            }
        };

        BuiltInRules.Packages packages = BuiltInRules.load(withoutPackages);

        assertThat(packages.origin()).isEqualTo(BuiltInRules.Origin.COMPILED);
        assertThat(shapes(packages.packages())).isEqualTo(shapes(BuiltInRules.packages().packages()));
    }
}
