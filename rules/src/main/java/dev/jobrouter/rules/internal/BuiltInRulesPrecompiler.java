package dev.jobrouter.rules.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step, not API: compiles the built-in DRL into the packages {@code RuleBase} reads at run time.
 * The {@code rules} module's build runs it right after compiling, with its class output directory.
 */
public final class BuiltInRulesPrecompiler {

    private BuiltInRulesPrecompiler() {
    }

    /** @param args the directory that holds the built-in DRL and receives the packages */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltInRulesPrecompiler <class output directory>");
        }
        Path target = Path.of(args[0]).resolve(BuiltInRules.PRECOMPILED);
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            BuiltInRules.write(out, BuiltInRulesPrecompiler.class.getClassLoader());
        }
    }
}
