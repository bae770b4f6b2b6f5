package dev.jobrouter.rules.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.mvel.builder.MVELDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in rules as compiled packages, loaded once per JVM.
 *
 * <p>The build compiles the built-in DRL once ({@link BuiltInRulesPrecompiler}) and ships the
 * packages next to it, with a fingerprint of the DRL they came from. Reading them takes a third of
 * the time compiling takes, and needs no Java compiler, so a cold start skips the DRL parser, MVEL
 * analysis and ECJ. When the precompiled packages are missing, were made from other DRL or with
 * another Drools version (an application that manages Drools to a different 10.x: compiled quietly),
 * or cannot be read, the DRL is compiled instead: slower, never different.
 */
final class BuiltInRules {
    static final List<String> FILES = List.of("jobs.drl", "offers.drl", "workers.drl", "capacity.drl", "topology.drl");
    /** Where the DRL and the precompiled packages sit on the classpath. */
    private static final String DIRECTORY = RuleBase.BUILT_IN_PACKAGE.replace('.', '/') + "/";
    static final String PRECOMPILED = DIRECTORY + "built-in-rules.bin";

    private static final Logger log = LoggerFactory.getLogger(BuiltInRules.class);

    /** Where the packages came from. */
    enum Origin { PRECOMPILED, COMPILED }

    /** The compiled packages of the built-in rules and where they came from. */
    record Packages(List<InternalKnowledgePackage> packages, Origin origin) {}

    private BuiltInRules() {
    }

    /** @return the built-in packages, read or compiled on first use */
    static Packages packages() {
        return Holder.PACKAGES;
    }

    private static final class Holder {
        static final Packages PACKAGES = load(BuiltInRules.class.getClassLoader());
    }

    static Packages load(ClassLoader loader) {
        List<DrlSource> sources = sources(loader);
        try (InputStream in = loader.getResourceAsStream(PRECOMPILED)) {
            if (in == null) {
                log.warn("compiling the built-in rules: {} is not on the classpath; the rules module's build "
                        + "makes it", PRECOMPILED);
            } else {
                Optional<List<InternalKnowledgePackage>> read = read(in, fingerprint(sources), droolsVersion(), loader);
                if (read.isPresent()) {
                    return new Packages(read.get(), Origin.PRECOMPILED);
                }
            }
        } catch (IOException e) {
            log.warn("compiling the built-in rules: their precompiled packages could not be read: {}", e.toString());
        }
        return new Packages(RuleBase.compilePackages(sources), Origin.COMPILED);
    }

    /**
     * @return the packages, or empty when they were made from other DRL or cannot be read here
     */
    static Optional<List<InternalKnowledgePackage>> read(InputStream in, String fingerprint, String droolsVersion,
            ClassLoader loader) {
        try (ObjectInputStream objects = new DroolsObjectInputStream(new BufferedInputStream(in), loader)) {
            String madeFrom = objects.readUTF();
            if (!madeFrom.equals(fingerprint)) {
                log.warn("compiling the built-in rules: the precompiled packages were made from other DRL");
                return Optional.empty();
            }
            String madeWith = objects.readUTF();
            if (!madeWith.equals(droolsVersion)) {
                // An application on another Drools version: expected, so quiet. Reading them would fail
                // (serialised Drools classes differ between versions) or, worse, half work.
                log.debug("compiling the built-in rules: they were precompiled with Drools {}, this is {}", madeWith,
                        droolsVersion);
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            List<InternalKnowledgePackage> packages = (List<InternalKnowledgePackage>) objects.readObject();
            return Optional.of(ImmutableList.copyOf(packages));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            log.warn("compiling the built-in rules: their precompiled packages could not be read: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Compiles the built-in DRL and writes the packages with the fingerprint of their sources. */
    static void write(OutputStream out, ClassLoader loader) throws IOException {
        List<DrlSource> sources = sources(loader);
        try (ObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
            objects.writeUTF(fingerprint(sources));
            objects.writeUTF(droolsVersion());
            objects.writeObject(new ArrayList<>(RuleBase.compilePackages(sources)));
        }
    }

    /**
     * @return the versions of the Drools jars whose classes the precompiled packages serialise, from
     *     their manifests: {@code "10.2.0 10.2.0 10.2.0 10.2.0"} for base, core, mvel and compiler
     */
    static String droolsVersion() {
        return Stream.of(RuleImpl.class, RuleBaseFactory.class, MVELDialect.class, KnowledgeBuilderImpl.class)
                .map(type -> type.getPackage().getImplementationVersion())
                .map(version -> version == null ? "unknown" : version)
                .collect(Collectors.joining(" "));
    }

    static String fingerprint(List<DrlSource> sources) {
        Hasher hasher = Hashing.sha256().newHasher();
        for (DrlSource source : sources) {
            hasher.putString(source.name(), StandardCharsets.UTF_8).putByte((byte) 0)
                    .putString(source.drl(), StandardCharsets.UTF_8).putByte((byte) 0);
        }
        return hasher.hash().toString();
    }

    static List<DrlSource> sources(ClassLoader loader) {
        List<DrlSource> sources = new ArrayList<>();
        for (String file : FILES) {
            String path = DIRECTORY + file;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("built-in rules " + path + " are missing from the classpath");
                }
                sources.add(new DrlSource(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }
}
