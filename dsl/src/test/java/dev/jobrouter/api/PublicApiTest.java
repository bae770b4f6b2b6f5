package dev.jobrouter.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.reflect.ClassPath;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public API as a user sees it: every public type outside the {@code internal} packages, and
 * their public and protected members. No Guava type may show in it, so that Guava stays an
 * implementation detail the router can drop or upgrade.
 */
class PublicApiTest {

    /** @return the library's public types outside internal packages, from its jars or class folders, not its tests */
    private static List<Class<?>> apiTypes() throws IOException {
        List<Class<?>> types = new ArrayList<>();
        for (ClassPath.ClassInfo info : ClassPath.from(PublicApiTest.class.getClassLoader())
                .getTopLevelClassesRecursive("dev.jobrouter")) {
            if (info.getPackageName().contains(".internal") || info.getPackageName().endsWith(".internal")) {
                continue;
            }
            Class<?> type = info.load();
            String location = type.getProtectionDomain().getCodeSource().getLocation().toString();
            if (location.contains("test-classes") || !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            types.add(type);
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (Modifier.isPublic(nested.getModifiers())) {
                    types.add(nested);
                }
            }
        }
        return types;
    }

    @Test
    void noGuavaTypeIsInAPublicSignature() throws IOException {
        List<Class<?>> types = apiTypes();
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : types) {
            for (Type parent : type.getGenericInterfaces()) {
                check(leaks, type.getName() + " implements", parent);
            }
            check(leaks, type.getName() + " extends", type.getGenericSuperclass());
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method.getModifiers()) && !method.isSynthetic()) {
                    check(leaks, method.toGenericString(), method.getGenericReturnType());
                    checkParameters(leaks, method);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor.getModifiers())) {
                    checkParameters(leaks, constructor);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(leaks, field.toGenericString(), field.getGenericType());
                }
            }
        }
        assertThat(types).as("the API types found").hasSizeGreaterThan(150)
                .contains(dev.jobrouter.JobRouter.class, dev.jobrouter.core.model.Labels.class);
        assertThat(leaks).isEmpty();
    }

    private static void checkParameters(List<String> leaks, Executable executable) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(leaks, executable.toGenericString(), parameter);
        }
    }

    private static void check(List<String> leaks, String where, Type type) {
        if (type != null && type.getTypeName().contains("com.google.common")) {
            leaks.add(where);
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
