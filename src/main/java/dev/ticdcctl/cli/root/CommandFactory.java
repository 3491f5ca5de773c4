package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Services;
import java.lang.reflect.Constructor;
import picocli.CommandLine.IFactory;
import picocli.CommandLine;

/** Builds commands with their dependencies: a constructor taking {@link Services}, or a no-argument one. */
final class CommandFactory implements IFactory {
    private final Services services;

    CommandFactory(Services services) {
        this.services = services;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == GlobalOptions.class) {
            return type.cast(services.options());
        }
        try {
            Constructor<K> withServices = type.getDeclaredConstructor(Services.class);
            withServices.setAccessible(true);
            return withServices.newInstance(services);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
