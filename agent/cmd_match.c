/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cmd_match.c - `iothunt match RULES FILE...`: YARA-subset rules over
 * files, printing "RULENAME FILE" per match exactly like `yara RULES FILE`
 * (rules in rule order for each file, files in the order given).
 */
#include "cmd.h"
#include "rules.h"
#include "util.h"

#include <string.h>
#include <unistd.h>

struct match_out {
    const char *file;
    unsigned long hits;
};

static int match_print(const char *rule, void *ctx)
{
    struct match_out *o = ctx;

    util_print(1, "%s %s\n", rule, o->file);
    o->hits++;
    return 0;
}

/*
 * Exit status: 0 no rule matched, 1 at least one match, 2 on any error
 * (bad rules, unreadable file), reported on stderr as FILE[:LINE]: ...
 */
int cmd_match(int argc, char **argv)
{
    struct rules *rs = NULL;
    unsigned long hits = 0;
    int i, rc, status = EXIT_CLEAN, errors = 0;

    if (argc < 3) {
        util_print(2, "usage: iothunt match RULES FILE...\n");
        return EXIT_ERROR;
    }
    if (rules_new(&rs) != IH_OK) {
        util_print(2, "iothunt match: out of memory\n");
        return EXIT_ERROR;
    }
    rc = rules_load_file(rs, argv[1]);
    if (rc != IH_OK) {
        status = EXIT_ERROR;
        goto out;
    }
    for (i = 2; i < argc; i++) {
        struct match_out o = { argv[i], 0 };
        int fd;

        rc = util_open_ro(argv[i], 1, &fd, NULL);
        if (rc != IH_OK) {
            util_diag(argv[i], 0, "cannot open: %s", util_strerror(rc));
            errors++;
            continue;
        }
        rc = rules_match_fd(rs, fd, 0, NULL, match_print, &o);
        close(fd);
        if (rc != IH_OK) {
            util_diag(argv[i], 0, "cannot scan: %s", util_strerror(rc));
            errors++;
        }
        hits += o.hits;
    }
    if (util_out_status() != IH_OK) {
        errors++;
    }
    status = errors ? EXIT_ERROR : hits ? EXIT_FINDINGS : EXIT_CLEAN;
out:
    rules_free(rs);
    return status;
}
