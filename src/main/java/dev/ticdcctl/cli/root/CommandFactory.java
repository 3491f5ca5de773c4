package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.EmbeddedCluster;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Session;
import java.lang.reflect.Constructor;
import picocli.CommandLine.IFactory;
import picocli.CommandLine;

/**
 * Builds commands with the dependencies their one constructor names, each by its type: the narrow views of the
 * session ({@code ClusterAccess}, {@code Printing}, {@code Confirmations}, {@code Waiting}, {@code UserInput},
 * {@code Configuration}), the {@link Environment}, the {@link GlobalOptions} and what starts a sandbox, and a helper
 * of the commands' packages built the same way from its own constructor. The views build what they hold on first
 * use, after parsing, so building a command costs one constructor lookup (and one for each helper it names).
 */
final class CommandFactory implements IFactory {
    private final Session session;

    CommandFactory(Session session) {
        this.session = session;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == GlobalOptions.class) {
            return type.cast(session.options());
        }
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        if (constructors.length != 1 || constructors[0].getParameterCount() == 0) {
            return CommandLine.defaultFactory().create(type);
        }
        return type.cast(build(constructors[0]));
    }

    private Object build(Constructor<?> constructor) throws ReflectiveOperationException {
        Class<?>[] needs = constructor.getParameterTypes();
        Object[] given = new Object[needs.length];
        for (int i = 0; i < needs.length; i++) {
            given[i] = dependency(needs[i], constructor.getDeclaringClass());
        }
        constructor.setAccessible(true);
        return constructor.newInstance(given);
    }

    private Object dependency(Class<?> type, Class<?> command) throws ReflectiveOperationException {
        if (type == Environment.class) {
            return session.environment();
        }
        if (type == GlobalOptions.class) {
            return session.options();
        }
        if (type == EmbeddedCluster.Starter.class) {
            return session.sandboxes();
        }
        if (type == Session.class || type.isInterface() && type.getPackageName().equals("dev.ticdcctl.cli")
                && type.isInstance(session)) {
            return session;
        }
        if (!type.isInterface() && type.getPackageName().startsWith("dev.ticdcctl.cli.")
                && type.getDeclaredConstructors().length == 1) {
            return build(type.getDeclaredConstructors()[0]); // a command's helper, built from what it names
        }
        throw new IllegalStateException(command.getName() + " needs a " + type.getName()
                + ", which no command is given");
    }
}
