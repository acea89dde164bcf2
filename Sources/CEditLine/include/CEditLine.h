#ifndef LECTERN_CEDITLINE_H
#define LECTERN_CEDITLINE_H

/*
 * The only C in Lectern: plain, non-variadic wrappers around libedit, which Swift cannot
 * call directly (el_set, el_get and history are variadic), plus the SIGINT handler that
 * must be installed without SA_RESTART so that Ctrl-C interrupts el_gets.
 */

#include <stddef.h>

typedef struct lectern_editor lectern_editor;

/* What the completion callback did, so the shim knows how libedit should redraw. */
enum {
    LECTERN_COMPLETE_NOTHING = 0, /* no candidate: beep */
    LECTERN_COMPLETE_INSERTED = 1, /* text was inserted: refresh the line */
    LECTERN_COMPLETE_LISTED = 2    /* candidates were printed below: redraw prompt and line */
};

/* Called on Tab with the line up to the cursor (UTF-8). */
typedef int (*lectern_complete_fn)(void *context, const char *line_before_cursor);

/* Makes the locale's character type UTF-8 (falling back to C.UTF-8), without which libedit
 * drops every non-ASCII byte. Returns 1 when a fallback was needed. */
int lectern_use_utf8_locale(void);

/* Opens an editor on the process's standard streams. `program` scopes ~/.editrc lines. */
lectern_editor *lectern_editor_open(const char *program, int history_size);
void lectern_editor_close(lectern_editor *editor);

void lectern_editor_set_completion(lectern_editor *editor, lectern_complete_fn function, void *context);
/* Reads ~/.editrc (or $EDITRC), then binds Tab to completion so the file cannot unbind it. */
void lectern_editor_source_editrc(lectern_editor *editor);

/* The prompt may contain terminal escapes wrapped in \1 … \1 so they take no width. */
void lectern_editor_set_prompt(lectern_editor *editor, const char *prompt);

/* Reads one line. Returns the line (without its newline, owned by the editor, valid until
 * the next call), or NULL: *status is then 0 at end of input (Ctrl-D), 1 on Ctrl-C. */
const char *lectern_editor_gets(lectern_editor *editor, int *status);

/* Inserts text at the cursor (from the completion callback). */
int lectern_editor_insert(lectern_editor *editor, const char *text);
/* Writes text to the editor's output stream, e.g. completion candidates. */
void lectern_editor_print(lectern_editor *editor, const char *text);

int lectern_history_add(lectern_editor *editor, const char *line);
/* 0 on success, -1 on failure. */
int lectern_history_load(lectern_editor *editor, const char *path);
int lectern_history_save(lectern_editor *editor, const char *path);
int lectern_history_count(lectern_editor *editor);
/* Forgets every entry (when another learner takes the keyboard). */
void lectern_history_clear(lectern_editor *editor);

/* Makes this process the terminal's foreground process group when it was started by a
 * program that did not do so (`make run`), so that Ctrl-C reaches Lectern alone and does
 * not also end the parent. Returns 1 when it did, 0 when there was nothing to do, -1 when
 * it could not. The previous foreground group is given back at exit. */
int lectern_claim_foreground(void);
void lectern_release_foreground(void);

/* Called from inside lectern_editor_gets when the wake-up descriptor has something: the
 * callback prints what arrived above the line being edited (starting with "\r\033[K"
 * and ending in a newline); the prompt and the half-typed line are redrawn after it.
 * A non-zero return ends the read as if at end of input (the class is over). */
typedef int (*lectern_wake_fn)(void *context);
/* Makes the editor read the terminal through poll(2) on standard input and `wake_fd`, so
 * messages from another thread can be shown while the user types (that thread only
 * writes a byte to the pipe). A negative `wake_fd` goes back to libedit's own reading. */
void lectern_editor_set_wakeup(lectern_editor *editor, int wake_fd, lectern_wake_fn function, void *context);

#endif
