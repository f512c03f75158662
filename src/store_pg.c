/*
 * store_pg.c - the event store in PostgreSQL, through libpq, for a store
 * that several analysts share. Rows of a batch are queued as COPY text
 * and sent with one COPY per table at commit: far fewer round trips than
 * an INSERT per row.
 */
#include "store_internal.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

typedef struct rs_pg {
    PGconn *conn;
    rs_buf copy[RS_T_COUNT]; /* COPY text queued for each table */
} rs_pg;

/* Any number: writers of one database serialise on this advisory lock,
 * so each sees the others' committed events before it de-duplicates. */
#define RS_PG_LOCK 7270310

static int rs_pg_fail(rs_store *s, const char *what)
{
    rs_pg *p = s->db;
    return rs_store_fail(s, "%s: %s", what, PQerrorMessage(p->conn));
}

/* CREATE TABLE IF NOT EXISTS and friends talk; nothing they say matters. */
static void rs_pg_quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

static int rs_pg_open(rs_store *s)
{
    rs_pg *p = calloc(1, sizeof *p);
    s->db = p;
    for (int i = 0; i < RS_T_COUNT; i++)
        rs_buf_init(&p->copy[i]);
    p->conn = PQconnectdb(s->target);
    if (!p->conn)
        return rs_store_fail(s, "cannot connect: out of memory");
    if (PQstatus(p->conn) != CONNECTION_OK)
        return rs_pg_fail(s, "cannot connect");
    PQsetNoticeProcessor(p->conn, rs_pg_quiet, NULL);
    return 0;
}

/* Checks a result and frees it. */
static int rs_pg_check(rs_store *s, PGresult *r, const char *what)
{
    ExecStatusType st = PQresultStatus(r);
    int ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!ok)
        rs_store_fail(s, "%s: %s", what, r ? PQresultErrorMessage(r) : PQerrorMessage(((rs_pg *)s->db)->conn));
    PQclear(r);
    return ok ? 0 : -1;
}

static int rs_pg_exec(rs_store *s, const char *sql)
{
    rs_pg *p = s->db;
    return rs_pg_check(s, PQexec(p->conn, sql), "postgresql");
}

static int rs_pg_query(rs_store *s, const char *sql, const char *const *params, int n, rs_row_fn fn, void *ctx)
{
    rs_pg *p = s->db;
    char *dollar = rs_sql_dollar(sql);
    PGresult *r = PQexecParams(p->conn, dollar, n, NULL, params, NULL, NULL, 0);
    free(dollar);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        return rs_pg_check(s, r, "postgresql");
    int rows = PQntuples(r), cols = PQnfields(r);
    cols = cols > 64 ? 64 : cols;
    const char *values[64];
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++)
            values[j] = PQgetisnull(r, i, j) ? NULL : PQgetvalue(r, i, j);
        if (fn && fn(ctx, cols, values))
            break;
    }
    PQclear(r);
    return 0;
}

static int rs_pg_begin(rs_store *s)
{
    char sql[96];
    snprintf(sql, sizeof sql, "BEGIN; SELECT pg_advisory_xact_lock(%d)", RS_PG_LOCK);
    return rs_pg_exec(s, sql);
}

/* One value in COPY's text format: \N for NULL, and backslash, tab and
 * line breaks escaped. */
static void rs_pg_copy_value(rs_buf *b, const char *v)
{
    if (!v) {
        rs_buf_puts(b, "\\N");
        return;
    }
    for (; *v; v++) {
        switch (*v) {
        case '\\': rs_buf_puts(b, "\\\\"); break;
        case '\t': rs_buf_puts(b, "\\t"); break;
        case '\n': rs_buf_puts(b, "\\n"); break;
        case '\r': rs_buf_puts(b, "\\r"); break;
        default: rs_buf_putc(b, *v);
        }
    }
}

static int rs_pg_insert(rs_store *s, int table, const char *const *values)
{
    rs_pg *p = s->db;
    rs_buf *b = &p->copy[table];
    for (int i = 0; i < rs_store_ncolumns[table]; i++) {
        if (i)
            rs_buf_putc(b, '\t');
        rs_pg_copy_value(b, values[i]);
    }
    rs_buf_putc(b, '\n');
    return 0;
}

static int rs_pg_copy(rs_store *s, int table)
{
    rs_pg *p = s->db;
    rs_buf *b = &p->copy[table];
    rs_buf sql;
    rs_buf_init(&sql);
    rs_buf_printf(&sql, "COPY %s (", rs_store_tables[table]);
    for (int i = 0; i < rs_store_ncolumns[table]; i++)
        rs_buf_printf(&sql, "%s%s", i ? ", " : "", rs_store_columns[table][i]);
    rs_buf_puts(&sql, ") FROM STDIN");
    PGresult *r = PQexec(p->conn, sql.data);
    rs_buf_free(&sql);
    if (PQresultStatus(r) != PGRES_COPY_IN)
        return rs_pg_check(s, r, "COPY");
    PQclear(r);
    int ok = PQputCopyData(p->conn, b->data, (int)b->len) == 1 && PQputCopyEnd(p->conn, NULL) == 1;
    rs_buf_clear(b);
    int rc = ok ? 0 : rs_pg_fail(s, "COPY");
    while ((r = PQgetResult(p->conn)) != NULL)
        if (rs_pg_check(s, r, rs_store_tables[table]))
            rc = -1;
    return rc;
}

static int rs_pg_commit(rs_store *s)
{
    rs_pg *p = s->db;
    for (int t = 0; t < RS_T_COUNT; t++)
        if (p->copy[t].len && rs_pg_copy(s, t))
            return -1;
    return rs_pg_exec(s, "COMMIT");
}

static void rs_pg_rollback(rs_store *s)
{
    rs_pg *p = s->db;
    for (int t = 0; t < RS_T_COUNT; t++)
        rs_buf_clear(&p->copy[t]);
    PQclear(PQexec(p->conn, "ROLLBACK"));
}

static void rs_pg_close(rs_store *s)
{
    rs_pg *p = s->db;
    for (int t = 0; t < RS_T_COUNT; t++)
        rs_buf_free(&p->copy[t]);
    PQfinish(p->conn);
    free(p);
    s->db = NULL;
}

const rs_backend rs_backend_pg = {
    "postgresql", rs_pg_open, rs_pg_exec, rs_pg_query, rs_pg_begin,
    rs_pg_insert, rs_pg_commit, rs_pg_rollback, rs_pg_close,
};
