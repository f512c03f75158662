/*
 * store.c - the event store's common part: the schema, opening a SQLite or
 * PostgreSQL store, content hashes that make re-ingest idempotent, and
 * the de-duplication of coded events into events with several mentions
 * (docs/store.md). The databases themselves are behind rs_backend.
 */
#include "store_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ schema */

static const char *const rs_cols_documents[] = {"id", "url", "title", "source", "lang", "pub_date", "hash"};
static const char *const rs_cols_actors[] = {"code", "root", "role"};
static const char *const rs_cols_codes[] = {"cameo", "plover", "goldstein", "quad"};
static const char *const rs_cols_events[] = {
    "id", "doc", "sent", "date", "date_precision", "day_first", "day_last",
    "source_code", "source_root", "source_role", "source_text",
    "target_code", "target_root", "target_role", "target_text",
    "cameo", "plover", "goldstein", "quad", "modality", "claimed", "trigger", "lang",
    "place", "country", "lat", "lon", "span_start", "span_end", "evidence", "dedupe_key", "place_key"};
static const char *const rs_cols_mentions[] = {"event_id", "doc", "sent", "span_start", "span_end",
                                               "trigger", "date", "evidence"};

#define RS_NCOLS(a) ((int)(sizeof a / sizeof a[0]))
enum { RS_EV_NCOLS = RS_NCOLS(rs_cols_events) };

const char *const rs_store_tables[RS_T_COUNT] = {"documents", "actors", "codes", "events", "mentions"};
const char *const *const rs_store_columns[RS_T_COUNT] = {rs_cols_documents, rs_cols_actors, rs_cols_codes,
                                                         rs_cols_events, rs_cols_mentions};
const int rs_store_ncolumns[RS_T_COUNT] = {RS_NCOLS(rs_cols_documents), RS_NCOLS(rs_cols_actors),
                                           RS_NCOLS(rs_cols_codes), RS_NCOLS(rs_cols_events),
                                           RS_NCOLS(rs_cols_mentions)};

/* Portable SQL: both SQLite and PostgreSQL take it as written. Keep it in
 * step with docs/store.md. */
const char rs_store_schema[] =
    "CREATE TABLE IF NOT EXISTS rasad_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);\n"
    "INSERT INTO rasad_meta (key, value) VALUES ('schema', 1), ('generation', 0) ON CONFLICT DO NOTHING;\n"
    "CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, url TEXT, title TEXT, source TEXT,"
    " lang TEXT, pub_date TEXT, hash TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS actors (code TEXT PRIMARY KEY, root TEXT NOT NULL, role TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS codes (cameo TEXT PRIMARY KEY, plover TEXT NOT NULL,"
    " goldstein DOUBLE PRECISION NOT NULL, quad INTEGER NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS events (id BIGINT PRIMARY KEY, doc TEXT NOT NULL, sent INTEGER NOT NULL,"
    " date TEXT NOT NULL, date_precision TEXT NOT NULL, day_first TEXT, day_last TEXT,"
    " source_code TEXT REFERENCES actors(code), source_root TEXT, source_role TEXT, source_text TEXT,"
    " target_code TEXT REFERENCES actors(code), target_root TEXT, target_role TEXT, target_text TEXT,"
    " cameo TEXT NOT NULL REFERENCES codes(cameo), plover TEXT NOT NULL, goldstein DOUBLE PRECISION NOT NULL,"
    " quad INTEGER NOT NULL, modality TEXT NOT NULL, claimed INTEGER NOT NULL, trigger TEXT NOT NULL,"
    " lang TEXT NOT NULL, place TEXT, country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,"
    " span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, evidence TEXT NOT NULL,"
    " dedupe_key TEXT NOT NULL, place_key TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS mentions (event_id BIGINT NOT NULL REFERENCES events(id),"
    " doc TEXT NOT NULL REFERENCES documents(id), sent INTEGER NOT NULL, span_start INTEGER NOT NULL,"
    " span_end INTEGER NOT NULL, trigger TEXT NOT NULL, date TEXT NOT NULL, evidence TEXT NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS events_day ON events (day_first);\n"
    "CREATE INDEX IF NOT EXISTS events_source ON events (source_code);\n"
    "CREATE INDEX IF NOT EXISTS events_target ON events (target_code);\n"
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions (event_id);\n"
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc);\n";

/* ------------------------------------------------------------ errors, SQL */

int rs_store_fail(rs_store *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->error, sizeof s->error, fmt, ap);
    va_end(ap);
    /* Database messages end in a newline (libpq); one line is wanted. */
    for (char *p = s->error; *p; p++)
        if (*p == '\n')
            *p = *(p + 1) ? ' ' : '\0';
    return -1;
}

const char *rs_store_error(const rs_store *s)
{
    return s->error;
}

char *rs_sql_dollar(const char *sql)
{
    rs_buf b;
    rs_buf_init(&b);
    int n = 0, quoted = 0;
    for (const char *p = sql; *p; p++) {
        if (*p == '\'')
            quoted = !quoted;
        if (*p == '?' && !quoted)
            rs_buf_printf(&b, "$%d", ++n);
        else
            rs_buf_putc(&b, *p);
    }
    return rs_buf_detach(&b);
}

int rs_date_bounds(const char *date, char first[11], char last[11])
{
    int32_t a, b;
    size_t n = date ? strlen(date) : 0;
    if (n == 21 && date[10] == '/')
        return rs_days_parse(date, &a) || rs_days_parse(date + 11, &b) || rs_days_format(a, first) ||
                       rs_days_format(b, last)
                   ? -1
                   : 0;
    if (n != 4 && n != 7 && n != 10)
        return -1;
    snprintf(first, 11, "%.*s%s", (int)n, date, n == 4 ? "-01-01" : n == 7 ? "-01" : "");
    if (rs_days_parse(first, &a))
        return -1;
    int y = atoi(first), m = atoi(first + 5);
    if (n == 4)
        snprintf(last, 11, "%.4s-12-31", date);
    else if (n == 7)
        snprintf(last, 11, "%.7s-%02d", date, rs_cal_month_length(RS_CAL_GREGORIAN, y, m));
    else
        memcpy(last, first, 11);
    return 0;
}

/* ------------------------------------------------------------ maps */

static uint64_t rs_fnv(const char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return h;
}

static void rs_map_grow(rs_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    rs_map_entry **slots = calloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++)
        for (rs_map_entry *e = m->slots[i], *next; e; e = next) {
            next = e->next;
            size_t k = rs_fnv(e->key, strlen(e->key), 0xcbf29ce484222325ULL) & (cap - 1);
            e->next = slots[k];
            slots[k] = e;
        }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

/* The entry for key, created (with a NULL value) when create is set. */
static rs_map_entry *rs_map_at(rs_map *m, const char *key, int create)
{
    if (create && m->n >= m->cap / 2)
        rs_map_grow(m);
    if (!m->cap)
        return NULL;
    size_t k = rs_fnv(key, strlen(key), 0xcbf29ce484222325ULL) & (m->cap - 1);
    for (rs_map_entry *e = m->slots[k]; e; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    if (!create)
        return NULL;
    size_t n = strlen(key);
    rs_map_entry *e = calloc(1, sizeof *e + n + 1);
    memcpy(e->key, key, n + 1);
    e->next = m->slots[k];
    m->slots[k] = e;
    m->n++;
    return e;
}

/* Empties the map; free_value (or nothing when NULL) frees each value. */
static void rs_map_clear(rs_map *m, void (*free_value)(void *))
{
    for (size_t i = 0; i < m->cap; i++)
        for (rs_map_entry *e = m->slots[i], *next; e; e = next) {
            next = e->next;
            if (free_value)
                free_value(e->value);
            free(e);
        }
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/* The events stored under one dedupe key and date. */
typedef struct rs_key_event {
    struct rs_key_event *next;
    long long id;
    char place[64];
} rs_key_event;

static void rs_key_events_free(void *p)
{
    for (rs_key_event *k = p, *next; k; k = next) {
        next = k->next;
        free(k);
    }
}

static void rs_key_add(rs_store *s, const char *key, const char *date, long long id, const char *place)
{
    rs_buf_clear(&s->scratch);
    rs_buf_printf(&s->scratch, "%s|%s", key, date);
    rs_map_entry *e = rs_map_at(&s->keys, s->scratch.data, 1);
    rs_key_event *k = calloc(1, sizeof *k);
    k->id = id;
    snprintf(k->place, sizeof k->place, "%s", place ? place : "");
    k->next = e->value;
    e->value = k;
}

static void rs_key_remove(rs_store *s, const char *key, const char *date, long long id)
{
    rs_buf_clear(&s->scratch);
    rs_buf_printf(&s->scratch, "%s|%s", key, date);
    rs_map_entry *e = rs_map_at(&s->keys, s->scratch.data, 0);
    for (rs_key_event **k = (rs_key_event **)(e ? &e->value : NULL); k && *k; k = &(*k)->next)
        if ((*k)->id == id) {
            rs_key_event *gone = *k;
            *k = gone->next;
            free(gone);
            return;
        }
}

/* ------------------------------------------------------------ open, close */

rs_store *rs_store_open(const char *target, char *why, size_t why_size)
{
    rs_store *s = calloc(1, sizeof *s);
    s->target = strdup(target);
    s->batch = 256;
    rs_buf_init(&s->scratch);
    int pg = strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0;
    s->be = pg ? &rs_backend_pg : &rs_backend_sqlite;
    if (s->be->open(s) || s->be->exec(s, rs_store_schema)) {
        snprintf(why, why_size, "%s: %s", target, s->error);
        rs_store_close(s);
        return NULL;
    }
    return s;
}

static void rs_store_forget(rs_store *s)
{
    rs_map_clear(&s->docs, free);
    rs_map_clear(&s->keys, rs_key_events_free);
    rs_map_clear(&s->known, NULL);
    s->loaded = 0;
}

int rs_store_close(rs_store *s)
{
    if (!s)
        return 0;
    int rc = s->in_tx ? rs_store_commit(s) : 0;
    if (s->db)
        s->be->close(s);
    rs_store_forget(s);
    rs_map_clear(&s->batch_docs, NULL);
    rs_buf_free(&s->scratch);
    free(s->target);
    free(s);
    return rc;
}

void rs_store_set_batch(rs_store *s, size_t docs)
{
    s->batch = docs ? docs : 1;
}

/* ------------------------------------------------------------ loading the indexes */

static int rs_load_doc(void *ctx, int n, const char *const *v)
{
    (void)n;
    rs_map_entry *e = rs_map_at(&((rs_store *)ctx)->docs, v[0], 1);
    free(e->value);
    e->value = strdup(v[1]);
    return 0;
}

static int rs_load_event(void *ctx, int n, const char *const *v)
{
    (void)n;
    rs_store *s = ctx;
    long long id = atoll(v[0]);
    rs_key_add(s, v[1], v[2], id, v[3]);
    if (id >= s->next_event)
        s->next_event = id + 1;
    return 0;
}

static int rs_load_known(void *ctx, int n, const char *const *v)
{
    (void)n;
    rs_map_at(&((rs_store *)ctx)->known, v[0], 1);
    return 0;
}

static int rs_load_number(void *ctx, int n, const char *const *v)
{
    *(long long *)ctx = n > 0 && v[0] ? atoll(v[0]) : 0;
    return 0;
}

/* What the store holds, in memory: document hashes and event keys. Loaded
 * inside the write transaction, so no other writer changes it meanwhile. */
static int rs_store_load(rs_store *s)
{
    rs_store_forget(s);
    s->next_event = 1;
    if (s->be->query(s, "SELECT id, hash FROM documents", NULL, 0, rs_load_doc, s) ||
        s->be->query(s, "SELECT id, dedupe_key, date, place_key FROM events", NULL, 0, rs_load_event, s) ||
        s->be->query(s, "SELECT 'a:' || code FROM actors", NULL, 0, rs_load_known, s) ||
        s->be->query(s, "SELECT 'c:' || cameo FROM codes", NULL, 0, rs_load_known, s))
        return -1;
    s->loaded = 1;
    return 0;
}

static long long rs_generation(rs_store *s)
{
    long long g = -1;
    if (s->be->query(s, "SELECT value FROM rasad_meta WHERE key = 'generation'", NULL, 0, rs_load_number, &g))
        return -1;
    return g;
}

/* Opens the write transaction and makes the indexes current: another
 * writer may have committed since ours (the generation counter moved). */
static int rs_store_begin(rs_store *s)
{
    if (s->in_tx)
        return 0;
    if (s->be->begin(s))
        return -1;
    s->in_tx = 1;
    long long g = rs_generation(s);
    if (g < 0 || ((!s->loaded || g != s->generation) && rs_store_load(s))) {
        s->be->rollback(s);
        s->in_tx = 0;
        return -1;
    }
    s->generation = g;
    return 0;
}

int rs_store_commit(rs_store *s)
{
    if (!s->in_tx)
        return 0;
    char sql[96];
    snprintf(sql, sizeof sql, "UPDATE rasad_meta SET value = %lld WHERE key = 'generation'", s->generation + 1);
    if (s->be->exec(s, sql) || s->be->commit(s)) {
        s->be->rollback(s);
        s->in_tx = 0;
        s->loaded = 0;
        return -1;
    }
    s->generation++;
    s->in_tx = 0;
    s->pending = 0;
    rs_map_clear(&s->batch_docs, NULL);
    return 0;
}

/* ------------------------------------------------------------ hashing */

static void rs_hash_field(uint64_t h[2], const char *v, size_t n)
{
    char len[24];
    int k = snprintf(len, sizeof len, "%zu:", v ? n : (size_t)-1);
    h[0] = rs_fnv(len, (size_t)k, h[0]);
    h[1] = rs_fnv(len, (size_t)k, h[1]);
    if (v) {
        h[0] = rs_fnv(v, n, h[0]);
        h[1] = rs_fnv(v, n, h[1]);
    }
}

/* The content hash of a document: 128 bits of two FNV-1a streams over
 * every field that changes its coding, each prefixed by its length so
 * fields cannot run into each other. Not cryptographic: it detects edits. */
static void rs_doc_hash(const rs_doc *d, const char *salt, char out[33])
{
    uint64_t h[2] = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
    const char *f[] = {d->date, d->lang, d->url, d->title, d->source, salt};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        rs_hash_field(h, f[i], f[i] ? strlen(f[i]) : 0);
    rs_hash_field(h, d->text, d->text_len);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h[0], (unsigned long long)h[1]);
}

int rs_store_has(rs_store *s, const rs_doc *doc, const char *salt)
{
    if (rs_store_begin(s))
        return -1;
    char h[33];
    rs_doc_hash(doc, salt, h);
    rs_map_entry *e = rs_map_at(&s->docs, doc->id, 0);
    return e && strcmp(e->value, h) == 0;
}

/* ------------------------------------------------------------ replacing a document */

static int rs_collect_ids(void *ctx, int n, const char *const *v)
{
    (void)n;
    rs_buf *ids = ctx;
    long long id = atoll(v[0]);
    rs_buf_append(ids, &id, sizeof id);
    return 0;
}

static int rs_orphan_row(void *ctx, int n, const char *const *v)
{
    (void)n;
    rs_store *s = ctx;
    rs_key_remove(s, v[1], v[2], atoll(v[0]));
    return 0;
}

/* Takes out a changed document's mentions, and the events only it reported. */
static int rs_store_drop_doc(rs_store *s, const char *id)
{
    rs_buf ids;
    rs_buf_init(&ids);
    const char *p[1] = {id};
    int rc = s->be->query(s, "SELECT DISTINCT event_id FROM mentions WHERE doc = ?", p, 1, rs_collect_ids, &ids);
    rc = rc || s->be->query(s, "DELETE FROM mentions WHERE doc = ?", p, 1, NULL, NULL);
    for (size_t i = 0; !rc && i < ids.len / sizeof(long long); i++) {
        char num[24];
        snprintf(num, sizeof num, "%lld", ((long long *)(void *)ids.data)[i]);
        const char *q[1] = {num};
        rc = s->be->query(s, "SELECT id, dedupe_key, date FROM events e WHERE id = ? AND NOT EXISTS"
                             " (SELECT 1 FROM mentions m WHERE m.event_id = e.id)", q, 1, rs_orphan_row, s) ||
             s->be->query(s, "DELETE FROM events WHERE id = ? AND NOT EXISTS"
                             " (SELECT 1 FROM mentions m WHERE m.event_id = events.id)", q, 1, NULL, NULL);
    }
    rc = rc || s->be->query(s, "DELETE FROM documents WHERE id = ?", p, 1, NULL, NULL);
    rs_buf_free(&ids);
    return rc ? -1 : 0;
}

/* ------------------------------------------------------------ rows */

/* A row being built: values, and which of them the row must free. */
typedef struct rs_row {
    const char *v[RS_EV_NCOLS];
    char *owned[RS_EV_NCOLS];
    int n;
} rs_row;

static void rs_row_str(rs_row *r, const char *v)
{
    r->owned[r->n] = NULL;
    r->v[r->n++] = v;
}

static void rs_row_span(rs_row *r, const char *text, size_t start, size_t end)
{
    r->owned[r->n] = strndup(text + start, end - start);
    r->v[r->n] = r->owned[r->n];
    r->n++;
}

static void rs_row_fmt(rs_row *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void rs_row_fmt(rs_row *r, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    r->owned[r->n] = strdup(tmp);
    r->v[r->n] = r->owned[r->n];
    r->n++;
}

static int rs_row_insert(rs_store *s, int table, rs_row *r)
{
    int rc = s->be->insert(s, table, r->v);
    for (int i = 0; i < r->n; i++)
        free(r->owned[i]);
    r->n = 0;
    return rc;
}

static void rs_row_actor(rs_row *r, const rs_doc *d, const rs_event_actor *a)
{
    if (!a->present) {
        for (int i = 0; i < 4; i++)
            rs_row_str(r, NULL);
        return;
    }
    const char *code = rs_actor_code_out(a);
    rs_row_str(r, code[0] ? code : NULL);
    rs_row_str(r, a->root);
    rs_row_str(r, a->role);
    rs_row_span(r, d->text, a->start, a->end);
}

/* The de-duplication key: who did what to whom, with what modality (a
 * meeting that did not happen is not the meeting that did). The date and
 * place are compared separately (rs_find_event). */
static void rs_event_key(const rs_event *e, char *out, size_t size)
{
    snprintf(out, size, "%s|%s|%s|%s", e->source.present ? e->source.code : "-",
             e->target.present ? e->target.code : "-", e->cameo, rs_modality_label(e->modality));
}

static void rs_event_place_key(const rs_event *e, char *out, size_t size)
{
    if (e->has_location)
        snprintf(out, size, "%s:%.2f,%.2f", e->place_country, (double)e->lat, (double)e->lon);
    else
        out[0] = '\0';
}

/* A stored event this one is another report of: same key, the same date
 * or (for days) one day either side, and the same place when both know
 * it. Returns its id, or 0. */
static long long rs_find_event(rs_store *s, const char *key, const rs_event *e, const char *place)
{
    char dates[3][24];
    int n = 1;
    snprintf(dates[0], sizeof dates[0], "%s", e->date);
    int32_t day;
    if (e->date_precision == RS_DATE_DAY && rs_days_parse(e->date, &day) == 0) {
        n = rs_days_format(day - 1, dates[1]) == 0 && rs_days_format(day + 1, dates[2]) == 0 ? 3 : 1;
    }
    for (int i = 0; i < n; i++) {
        rs_buf_clear(&s->scratch);
        rs_buf_printf(&s->scratch, "%s|%s", key, dates[i]);
        rs_map_entry *m = rs_map_at(&s->keys, s->scratch.data, 0);
        for (rs_key_event *k = m ? m->value : NULL; k; k = k->next)
            if (!k->place[0] || !place[0] || strcmp(k->place, place) == 0)
                return k->id;
    }
    return 0;
}

/* Adds an actor or code row the store has not seen. */
static int rs_store_known(rs_store *s, const char *tag, const char *id, int table, rs_row *r)
{
    char key[64];
    snprintf(key, sizeof key, "%s:%s", tag, id);
    if (rs_map_at(&s->known, key, 0)) {
        for (int i = 0; i < r->n; i++)
            free(r->owned[i]);
        r->n = 0;
        return 0;
    }
    rs_map_at(&s->known, key, 1);
    return rs_row_insert(s, table, r);
}

static int rs_store_refs(rs_store *s, const rs_event *e)
{
    rs_row r = {{0}, {0}, 0};
    const rs_event_actor *sides[2] = {&e->source, &e->target};
    for (int i = 0; i < 2; i++) {
        if (!sides[i]->present || !rs_actor_code_out(sides[i])[0])
            continue;
        rs_row_str(&r, sides[i]->code);
        rs_row_str(&r, sides[i]->root);
        rs_row_str(&r, sides[i]->role);
        if (rs_store_known(s, "a", sides[i]->code, RS_T_ACTORS, &r))
            return -1;
    }
    rs_row_str(&r, e->cameo);
    rs_row_str(&r, e->plover);
    rs_row_fmt(&r, "%.1f", (double)e->goldstein);
    rs_row_fmt(&r, "%d", e->quad);
    return rs_store_known(s, "c", e->cameo, RS_T_CODES, &r);
}

static int rs_store_event_row(rs_store *s, long long id, const rs_doc *d, rs_lang lang, const rs_event *e,
                              const char *key, const char *place)
{
    char first[11], last[11];
    int dated = rs_date_bounds(e->date, first, last) == 0;
    rs_row r = {{0}, {0}, 0};
    rs_row_fmt(&r, "%lld", id);
    rs_row_str(&r, d->id);
    rs_row_fmt(&r, "%d", e->sent);
    rs_row_str(&r, e->date);
    rs_row_str(&r, rs_date_precision_name(e->date_precision));
    rs_row_str(&r, dated ? first : NULL);
    rs_row_str(&r, dated ? last : NULL);
    rs_row_actor(&r, d, &e->source);
    rs_row_actor(&r, d, &e->target);
    rs_row_str(&r, e->cameo);
    rs_row_str(&r, e->plover);
    rs_row_fmt(&r, "%.1f", (double)e->goldstein);
    rs_row_fmt(&r, "%d", e->quad);
    rs_row_str(&r, rs_modality_label(e->modality));
    rs_row_fmt(&r, "%d", e->claimed ? 1 : 0);
    rs_row_span(&r, d->text, e->trigger_start, e->trigger_end);
    rs_row_str(&r, rs_lang_code(lang));
    if (e->has_location) {
        rs_row_span(&r, d->text, e->place_start, e->place_end);
        rs_row_str(&r, e->place_country);
        rs_row_fmt(&r, "%.2f", (double)e->lat);
        rs_row_fmt(&r, "%.2f", (double)e->lon);
    } else {
        for (int i = 0; i < 4; i++)
            rs_row_str(&r, NULL);
    }
    rs_row_fmt(&r, "%zu", e->span_start);
    rs_row_fmt(&r, "%zu", e->span_end);
    rs_row_span(&r, d->text, e->span_start, e->span_end);
    rs_row_str(&r, key);
    rs_row_str(&r, place);
    return rs_row_insert(s, RS_T_EVENTS, &r);
}

static int rs_store_mention(rs_store *s, long long id, const rs_doc *d, const rs_event *e)
{
    rs_row r = {{0}, {0}, 0};
    rs_row_fmt(&r, "%lld", id);
    rs_row_str(&r, d->id);
    rs_row_fmt(&r, "%d", e->sent);
    rs_row_fmt(&r, "%zu", e->span_start);
    rs_row_fmt(&r, "%zu", e->span_end);
    rs_row_span(&r, d->text, e->trigger_start, e->trigger_end);
    rs_row_str(&r, e->date);
    rs_row_span(&r, d->text, e->span_start, e->span_end);
    return rs_row_insert(s, RS_T_MENTIONS, &r);
}

/* One coded event: a mention of a stored event, or a new event. */
static int rs_store_event(rs_store *s, const rs_doc *d, rs_lang lang, const rs_event *e)
{
    char key[96], place[64];
    rs_event_key(e, key, sizeof key);
    rs_event_place_key(e, place, sizeof place);
    long long id = rs_find_event(s, key, e, place);
    if (!id) {
        id = s->next_event++;
        if (rs_store_refs(s, e) || rs_store_event_row(s, id, d, lang, e, key, place))
            return -1;
        rs_key_add(s, key, e->date, id, place);
    }
    return rs_store_mention(s, id, d, e);
}

static int rs_store_doc_row(rs_store *s, const rs_doc *d, const char *hash)
{
    rs_row r = {{0}, {0}, 0};
    rs_row_str(&r, d->id);
    rs_row_str(&r, d->url);
    rs_row_str(&r, d->title);
    rs_row_str(&r, d->source);
    rs_row_str(&r, d->lang);
    rs_row_str(&r, d->date);
    rs_row_str(&r, hash);
    return rs_row_insert(s, RS_T_DOCUMENTS, &r);
}

static int rs_store_put_doc(rs_store *s, const rs_doc *doc, const char *hash, rs_lang lang,
                            const rs_event *events, size_t n)
{
    rs_map_entry *old = rs_map_at(&s->docs, doc->id, 0);
    if (old || rs_map_at(&s->batch_docs, doc->id, 0)) {
        /* Replacing needs what earlier documents of this batch queued to
         * be in the database (PostgreSQL writes them only at COPY time). */
        if ((s->pending && rs_store_commit(s)) || rs_store_begin(s) || rs_store_drop_doc(s, doc->id))
            return -1;
    }
    if (rs_store_doc_row(s, doc, hash))
        return -1;
    for (size_t i = 0; i < n; i++)
        if (rs_store_event(s, doc, lang, &events[i]))
            return -1;
    rs_map_entry *e = rs_map_at(&s->docs, doc->id, 1);
    free(e->value);
    e->value = strdup(hash);
    rs_map_at(&s->batch_docs, doc->id, 1);
    return 0;
}

int rs_store_put(rs_store *s, const rs_doc *doc, const char *salt, rs_lang lang, const rs_event *events,
                 size_t n)
{
    char hash[33];
    rs_doc_hash(doc, salt, hash);
    if (rs_store_begin(s))
        return -1;
    rs_map_entry *old = rs_map_at(&s->docs, doc->id, 0);
    if (old && strcmp(old->value, hash) == 0)
        return 0;
    if (rs_store_put_doc(s, doc, hash, lang, events, n)) {
        /* The indexes now hold rows the rollback takes away. */
        if (s->in_tx)
            s->be->rollback(s);
        s->in_tx = 0;
        rs_store_forget(s);
        rs_map_clear(&s->batch_docs, NULL);
        return -1;
    }
    if (++s->pending >= s->batch)
        return rs_store_commit(s);
    return 0;
}

/* ------------------------------------------------------------ counts */

long long rs_store_count(rs_store *s, const char *table)
{
    int ok = 0;
    for (int i = 0; i < RS_T_COUNT; i++)
        ok |= strcmp(table, rs_store_tables[i]) == 0;
    if (!ok) {
        rs_store_fail(s, "no table '%s'", table);
        return -1;
    }
    char sql[64];
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s", table);
    long long n = -1;
    return s->be->query(s, sql, NULL, 0, rs_load_number, &n) ? -1 : n;
}
