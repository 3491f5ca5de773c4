package dev.ticdcctl.cli.config;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.Configuration;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.ServerSettings;
import dev.ticdcctl.config.ConfigFile;
import dev.ticdcctl.config.Settings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "set-context",
        description = {"Create a context, or change the settings of one: --server, --namespace, --keyspace,"
            + " --server-arch, --server-kernel, --ca, --cert, --key, --insecure-skip-tls-verify, --user, --timeout and"
            + " --proxy (a URL, or none for a direct connection whatever HTTPS_PROXY says) are stored as given on this"
            + " command line; so is --read-only, with which top refuses pause, resume and delete.",
            "Passwords are best kept out of the file: --password-env names a variable to read it from, --password-file"
                + " a file. --store-password keeps the password read by --password-stdin in the file itself."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl config set-context dev --server 127.0.0.1:8300 --use",
            "  ticdcctl config set-context prod --user ticdc_admin --password-env PROD_TICDC_PASSWORD",
            "  ticdcctl config set-context prod --proxy http://bastion:3128",
            "  # top only looks at this cluster", "  ticdcctl config set-context prod --read-only",
            "  # stop using a client certificate", "  ticdcctl config set-context prod --unset cert --unset key"})
final class SetContextCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The context's name.")
    String name;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this variable.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file.")
    String passwordFile;

    @Option(names = "--store-password", description = "Store the password given with --password-stdin in the file.")
    boolean storePassword;

    @Option(names = "--unset", paramLabel = "SETTING", description = "Remove a setting: ${COMPLETION-CANDIDATES}.")
    List<ContextKey> unset = List.of();

    @Option(names = "--read-only", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Make top refuse pause, resume and delete on this cluster (--read-only=false allows them).")
    Boolean readOnly;

    @Option(names = "--use", description = "Also make it the current context.")
    boolean use;

    /**
     * The keys of a context that --unset can remove (the password in every form it can be given): those of
     * {@link dev.ticdcctl.config.Setting#contextKey()} but insecure-skip-tls-verify, as a test checks.
     */
    enum ContextKey {
        server, namespace, keyspace, arch, kernel, ca, cert, key, user, password, timeout, proxy;
    }

    private final Printing printing;
    private final Configuration configuration;
    private final GlobalOptions options;

    SetContextCommand(Printing printing, Configuration configuration, GlobalOptions options) {
        this.printing = printing;
        this.configuration = configuration;
        this.options = options;
    }

    @Override
    public Integer call() {
        ConfigFile.checkName(name);
        ConfigFile.Context changes = options.connectionFlags();
        if (changes.server() != null) {
            // Refused now rather than by every later command that uses the context.
            ServerSettings.serverAddress(new Settings.Value<>("server", changes.server(), "flag --server"), false);
        }
        if (changes.proxy() != null) {
            ServerSettings.proxy(new Settings.Value<>("proxy", changes.proxy(), "flag --proxy"), Map.of(),
                    URI.create("http://cdc.example"));
        }
        String password = storePassword ? configuration.passwordFromFlags() : null;
        if (storePassword && password == null) {
            throw new CliException.InvalidInput("--store-password needs --password-stdin", null);
        }
        ConfigFile.Context passwordChanges = new ConfigFile.Context(null, null, null, null, null, null, null,
                password, passwordEnv, passwordFile, null, null);
        boolean created = ConfigFile.update(configuration.configFile(), file -> {
            boolean isNew = file.context(name) == null;
            ConfigFile.Context context = isNew ? ConfigFile.Context.EMPTY : file.context(name);
            for (ContextKey s : unset) {
                context = context.without(s.name());
            }
            file.put(name, context.with(changes).with(passwordChanges).readOnly(readOnly));
            if (use) {
                file.use(name);
            }
            return isNew;
        });
        printing.output().result("context \"" + name + "\" " + (created ? "created" : "updated") + " in "
                + configuration.configFile() + (use ? "; it is the current context" : ""), null);
        return ExitCode.OK.code();
    }
}
