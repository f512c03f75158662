/*
 * store_sqlite.c - the event store in a SQLite file, the embedded default:
 * WAL mode so readers can query while an ingest runs, one transaction per
 * batch, and prepared INSERT statements reused for every row.
 */
#include "store_internal.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

typedef struct rs_sqlite {
    sqlite3 *db;
    sqlite3_stmt *insert[RS_T_COUNT];
} rs_sqlite;

/* How long a writer waits for another to finish before giving up: long
 * enough for a batch, short enough to report a stuck lock. The test of a
 * locked database sets RASAD_BUSY_MS lower. */
static int rs_busy_ms(void)
{
    const char *v = getenv("RASAD_BUSY_MS");
    return v && *v ? atoi(v) : 10000;
}

static int rs_sqlite_fail(rs_store *s, const char *what)
{
    rs_sqlite *q = s->db;
    int code = sqlite3_extended_errcode(q->db);
    const char *hint = "";
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        hint = " (another program holds the write lock; try again when it is done)";
    else if ((code & 0xff) == SQLITE_READONLY)
        hint = " (the file or its folder is read-only)";
    return rs_store_fail(s, "%s: %s%s", what, sqlite3_errmsg(q->db), hint);
}

static int rs_sqlite_exec(rs_store *s, const char *sql)
{
    rs_sqlite *q = s->db;
    return sqlite3_exec(q->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : rs_sqlite_fail(s, "sqlite");
}

static int rs_sqlite_open(rs_store *s)
{
    rs_sqlite *q = calloc(1, sizeof *q);
    s->db = q;
    if (sqlite3_open_v2(s->target, &q->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        return q->db ? rs_sqlite_fail(s, "cannot open") : rs_store_fail(s, "cannot open: out of memory");
    sqlite3_busy_timeout(q->db, rs_busy_ms());
    /* WAL: readers never block the writer; synchronous=NORMAL is still
     * safe against a killed process (only a power loss can lose the last
     * commits, never corrupt the file). */
    return rs_sqlite_exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
}

static int rs_sqlite_bind(rs_store *s, sqlite3_stmt *st, const char *const *params, int n)
{
    for (int i = 0; i < n; i++) {
        int rc = params[i] ? sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC)
                           : sqlite3_bind_null(st, i + 1);
        if (rc != SQLITE_OK)
            return rs_sqlite_fail(s, "binding");
    }
    return 0;
}

static int rs_sqlite_query(rs_store *s, const char *sql, const char *const *params, int n, rs_row_fn fn,
                           void *ctx)
{
    rs_sqlite *q = s->db;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK)
        return rs_sqlite_fail(s, "sqlite");
    int rc = rs_sqlite_bind(s, st, params, n), step;
    const char *values[64];
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        int cols = sqlite3_column_count(st);
        cols = cols > 64 ? 64 : cols;
        for (int i = 0; i < cols; i++)
            values[i] = (const char *)sqlite3_column_text(st, i);
        if (fn && fn(ctx, cols, values))
            break;
    }
    if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = rs_sqlite_fail(s, "sqlite");
    sqlite3_finalize(st);
    return rc;
}

/* BEGIN IMMEDIATE takes the write lock now, so a second writer waits (or
 * fails clearly) here instead of half-way through a batch. */
static int rs_sqlite_begin(rs_store *s)
{
    return rs_sqlite_exec(s, "BEGIN IMMEDIATE");
}

static sqlite3_stmt *rs_sqlite_insert_stmt(rs_store *s, int table)
{
    rs_sqlite *q = s->db;
    if (q->insert[table])
        return q->insert[table];
    rs_buf sql;
    rs_buf_init(&sql);
    rs_buf_printf(&sql, "INSERT INTO %s (", rs_store_tables[table]);
    for (int i = 0; i < rs_store_ncolumns[table]; i++)
        rs_buf_printf(&sql, "%s%s", i ? ", " : "", rs_store_columns[table][i]);
    rs_buf_puts(&sql, ") VALUES (");
    for (int i = 0; i < rs_store_ncolumns[table]; i++)
        rs_buf_puts(&sql, i ? ", ?" : "?");
    rs_buf_putc(&sql, ')');
    if (sqlite3_prepare_v2(q->db, sql.data, -1, &q->insert[table], NULL) != SQLITE_OK)
        rs_sqlite_fail(s, "sqlite");
    rs_buf_free(&sql);
    return q->insert[table];
}

static int rs_sqlite_insert(rs_store *s, int table, const char *const *values)
{
    sqlite3_stmt *st = rs_sqlite_insert_stmt(s, table);
    if (!st || rs_sqlite_bind(s, st, values, rs_store_ncolumns[table]))
        return -1;
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : rs_sqlite_fail(s, rs_store_tables[table]);
}

static int rs_sqlite_commit(rs_store *s)
{
    return rs_sqlite_exec(s, "COMMIT");
}

static void rs_sqlite_rollback(rs_store *s)
{
    rs_sqlite *q = s->db;
    if (!sqlite3_get_autocommit(q->db))
        sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
}

static void rs_sqlite_close(rs_store *s)
{
    rs_sqlite *q = s->db;
    for (int i = 0; i < RS_T_COUNT; i++)
        sqlite3_finalize(q->insert[i]);
    sqlite3_close(q->db);
    free(q);
    s->db = NULL;
}

const rs_backend rs_backend_sqlite = {
    "sqlite", rs_sqlite_open, rs_sqlite_exec, rs_sqlite_query, rs_sqlite_begin,
    rs_sqlite_insert, rs_sqlite_commit, rs_sqlite_rollback, rs_sqlite_close,
};
