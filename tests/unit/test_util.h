/*
 * test_util.h - what the cmocka unit tests share: cmocka's includes and a
 * few helpers for building inputs.
 */
#ifndef RASAD_TEST_UTIL_H
#define RASAD_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "rasad.h"

/* The normalised form of s, in a static buffer good until the next call. */
static inline const char *rs_test_norm(const char *s)
{
    static rs_buf b;
    rs_buf_clear(&b);
    rs_normalize(s, strlen(s), &b);
    return b.data ? b.data : "";
}

/* Writes len bytes to a new temporary file; returns its path (static). */
static inline const char *rs_test_file(const char *name, const void *data, size_t len)
{
    static char path[4][512];
    static int next;
    char *p = path[next++ % 4];
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(p, 512, "%s/rasad-test-%d-%s", dir, (int)getpid(), name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    return p;
}

/* Reads a whole file into memory (caller frees); NULL when it is missing. */
static inline char *rs_test_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    rs_buf b;
    rs_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rs_buf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return rs_buf_detach(&b);
}

#endif
