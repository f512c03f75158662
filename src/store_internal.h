/*
 * store_internal.h - what the event store's files share: the schema, the
 * backend interface that SQLite (store_sqlite.c) and PostgreSQL
 * (store_pg.c) implement, and the store itself. Everything above the
 * backends (store.c, query.c) speaks only this interface, so the two
 * databases run the same SQL and give the same answers.
 */
#ifndef RASAD_STORE_INTERNAL_H
#define RASAD_STORE_INTERNAL_H

#include "rasad.h"

/* The tables rows are inserted into, in the order a batch writes them
 * (PostgreSQL's COPY needs referenced rows first). */
enum {
    RS_T_DOCUMENTS = 0,
    RS_T_ACTORS,
    RS_T_CODES,
    RS_T_EVENTS,
    RS_T_MENTIONS,
    RS_T_COUNT
};

/* Each table's name and columns, in insert order (store.c). */
extern const char *const rs_store_tables[RS_T_COUNT];
extern const char *const *const rs_store_columns[RS_T_COUNT];
extern const int rs_store_ncolumns[RS_T_COUNT];
/* The schema, statements separated by ";\n" (docs/store.md). */
extern const char rs_store_schema[];

/* Called once per result row; values[i] is NULL for SQL NULL. Return
 * nonzero to stop. */
typedef int (*rs_row_fn)(void *ctx, int n, const char *const *values);

/* A database. Every function returns 0, or -1 with the store's error set
 * (rs_store_fail). SQL uses ? placeholders; parameters are text. */
typedef struct rs_backend {
    const char *name;
    /* Connects to s->target, setting s->db. */
    int (*open)(rs_store *s);
    /* Runs statements separated by ";\n", no parameters, no rows. */
    int (*exec)(rs_store *s, const char *sql);
    int (*query)(rs_store *s, const char *sql, const char *const *params, int n, rs_row_fn fn, void *ctx);
    /* Starts a write transaction that holds the store's write lock. */
    int (*begin)(rs_store *s);
    /* Queues or writes one row of a table, inside the transaction. */
    int (*insert)(rs_store *s, int table, const char *const *values);
    /* Writes what insert queued and commits. */
    int (*commit)(rs_store *s);
    void (*rollback)(rs_store *s);
    void (*close)(rs_store *s);
} rs_backend;

extern const rs_backend rs_backend_sqlite;
extern const rs_backend rs_backend_pg;

/* A string map with chaining: the in-memory indexes of documents and
 * event keys. Keys are copied; values are the caller's. */
typedef struct rs_map_entry {
    struct rs_map_entry *next;
    void *value;
    char key[];
} rs_map_entry;

typedef struct rs_map {
    rs_map_entry **slots;
    size_t n, cap;
} rs_map;

struct rs_store {
    const rs_backend *be;
    void *db;               /* the backend's connection */
    char *target;           /* path or URL, for messages */
    char error[512];
    size_t batch, pending;  /* documents per transaction; in this one */
    int in_tx;
    int loaded;             /* the indexes below are loaded */
    rs_map docs;            /* id -> hash (char *) */
    rs_map keys;            /* dedupe key + date -> rs_key_events */
    rs_map known;           /* actor codes and CAMEO codes already stored */
    rs_map batch_docs;      /* documents written in the open transaction */
    long long next_event;
    long long generation;   /* rasad_meta's counter when the indexes were current */
    rs_buf scratch;
};

/* Sets the store's error (printf-style) and returns -1. */
int rs_store_fail(rs_store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Rewrites ? placeholders as $1, $2 ... for PostgreSQL. Caller frees. */
char *rs_sql_dollar(const char *sql);

/* The first and last day an event-format date covers ("2024-03" is
 * 2024-03-01 to 2024-03-31), as YYYY-MM-DD; 0, or -1 for "" or a value
 * that is not a date. */
int rs_date_bounds(const char *date, char first[11], char last[11]);

#endif
