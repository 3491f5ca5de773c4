package dev.ticdcctl.model.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event types an event filter's {@code ignore_event} may name: TiCDC's {@code filter.SupportedEventTypes} (the
 * DML and DDL groups, the three DML kinds, {@code alter table}, {@code create schema}, {@code drop schema}, and the
 * DDL types of its DDL allow-list), matched exactly as written. The allow-list grew over releases, so each server
 * has its own set.
 */
public final class IgnoreEventTypes {
    private static final List<String> COMMON = List.of("all dml", "all ddl", "insert", "update", "delete",
            "alter table", "create schema", "drop schema", "create database", "drop database",
            "modify schema charset and collate", "create table", "drop table", "truncate table", "rename table",
            "recover table", "modify table comment", "modify table charset and collate", "create view", "drop view",
            "add table partition", "drop table partition", "truncate table partition", "exchange table partition",
            "reorganize table partition", "alter table partitioning", "remove table partitioning", "add column",
            "drop column", "modify column", "set default value", "rebase auto id", "add primary key",
            "drop primary key", "create index", "drop index", "rename index", "alter index visibility",
            "alter ttl info", "alter ttl remove", "multi schema change");
    private static final List<String> FOREIGN_KEYS = List.of("add foreign key", "drop foreign key");
    private static final List<String> NEW_INDEXES = List.of("add fulltext index", "create hybrid index");

    /** tiflow v8.5.0 to v8.5.3 (pkg/filter/filter.go ddlWhiteListMap). */
    public static final Set<String> CLASSIC_V8_5_0 = of(COMMON);
    /** pingcap/ticdc's new architecture, v8.5.5 to v8.5.7 (pkg/filter/ddl.go ddlWhiteListMap). */
    public static final Set<String> NEW_ARCHITECTURE = of(COMMON, FOREIGN_KEYS, NEW_INDEXES);
    /**
     * What at least one supported server accepts, for a client that does not know the server's release: tiflow v8.5.4
     * added the foreign keys, pingcap/ticdc also has the two index types.
     */
    public static final Set<String> ANY_SERVER = NEW_ARCHITECTURE;

    private IgnoreEventTypes() {}

    @SafeVarargs
    private static Set<String> of(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(all));
    }
}
