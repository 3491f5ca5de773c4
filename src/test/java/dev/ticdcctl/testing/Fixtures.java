package dev.ticdcctl.testing;

/** Response bodies shaped as TiCDC v8.5 writes them (tiflow cdc/api/v2/model.go, the handlers in cdc/api/v2). */
public final class Fixtures {
    /** Physical 2024-07-01T02:05:00.123Z, logical 5. */
    public static final long CHECKPOINT_TSO = 450835120160243717L;

    /** POST /tso as TiCDC writes it: pretty-printed, physical 2024-07-01T02:05:00.123Z, logical 5. */
    public static final String TSO = "{\n    \"timestamp\": 1719799500123,\n    \"logic_time\": 5\n}";

    private Fixtures() {}

    public static String changefeedList() {
        return """
                {"total":2,"items":[
                 {"upstream_id":7390512345678901234,"namespace":"default","id":"cf-kafka","state":"normal",
                  "checkpoint_tso":450835120160243717,"checkpoint_time":"2024-07-01 10:05:00.123","error":null},
                 {"upstream_id":7390512345678901234,"namespace":"default","id":"cf-mysql","state":"failed",
                  "checkpoint_tso":450835120160243717,"checkpoint_time":"2024-07-01 10:05:00.123",
                  "error":{"time":"2024-07-01T10:05:01.5+08:00","addr":"10.0.0.1:8300",
                   "code":"CDC:ErrMySQLConnectionError","message":"dial tcp 10.0.0.9:3306: connect: refused"}}
                ]}""";
    }

    /** GET /changefeeds/{id} of a changefeed in {@code state}. */
    public static String changefeed(String id, String state) {
        return """
                {"upstream_id":7390512345678901234,"namespace":"default","id":"%s",
                 "sink_uri":"mysql://root:xxxxx@127.0.0.1:3306/","create_time":"2024-07-01T10:00:00.123456789+08:00",
                 "start_ts":450835100000000000,"config":{"memory_quota":1073741824,"case_sensitive":false,
                 "filter":{"rules":["*.*"]}},"state":"%s","creator_version":"v8.5.0",
                 "resolved_ts":450835120160243717,"checkpoint_ts":450835120160243717,
                 "checkpoint_time":"2024-07-01 10:05:00.123"}""".formatted(id, state);
    }

    public static String status() {
        return """
                {
                    "version": "v8.5.0",
                    "git_hash": "10413bd2fb1e4b7b0d1aab7b8c4f7d6a0c1b2c3d",
                    "id": "d2912e63-3349-447c-90ba-72a4e04b5e9e",
                    "cluster_id": "default",
                    "pid": 1447,
                    "is_owner": true,
                    "liveness": 0
                }""";
    }

    public static String captures() {
        return """
                {"total":2,"items":[
                 {"id":"d2912e63-3349-447c-90ba-72a4e04b5e9e","is_owner":true,"address":"10.0.0.1:8300","cluster_id":"default"},
                 {"id":"5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d","is_owner":false,"address":"10.0.0.2:8300","cluster_id":"default"}
                ]}""";
    }

    public static String notExists(String id) {
        return "changefeed not exists, default/" + id;
    }
}
