#include "CEditLine.h"

#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct lectern_editor {
    EditLine *el;
    History *history;
    HistEvent event;
    char *prompt;
    char *line;
    lectern_complete_fn complete;
    void *complete_context;
    int wake_fd;
    lectern_wake_fn wake;
    void *wake_context;
};

/* Set by the handler, read after el_gets returns; the handler does nothing else. */
static volatile sig_atomic_t interrupted = 0;

static void on_sigint(int signo) {
    (void)signo;
    interrupted = 1;
}

int lectern_use_utf8_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) {
        return 0;
    }
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
        setlocale(LC_CTYPE, "en_US.UTF-8");
    }
    return 1;
}

static char *prompt_function(EditLine *el) {
    lectern_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    return (editor != NULL && editor->prompt != NULL) ? editor->prompt : "> ";
}

static unsigned char complete_function(EditLine *el, int ch) {
    (void)ch;
    lectern_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    if (editor == NULL || editor->complete == NULL) return CC_REFRESH_BEEP;
    const LineInfo *info = el_line(el);
    size_t length = (size_t)(info->cursor - info->buffer);
    char *before = malloc(length + 1);
    if (before == NULL) return CC_ERROR;
    memcpy(before, info->buffer, length);
    before[length] = '\0';
    int result = editor->complete(editor->complete_context, before);
    free(before);
    switch (result) {
    case LECTERN_COMPLETE_INSERTED: return CC_REFRESH;
    case LECTERN_COMPLETE_LISTED: return CC_REDISPLAY;
    default: return CC_REFRESH_BEEP;
    }
}

lectern_editor *lectern_editor_open(const char *program, int history_size) {
    lectern_editor *editor = calloc(1, sizeof *editor);
    if (editor == NULL) return NULL;
    editor->el = el_init(program, stdin, stdout, stderr);
    if (editor->el == NULL) {
        free(editor);
        return NULL;
    }
    editor->history = history_init();
    if (editor->history != NULL) {
        history(editor->history, &editor->event, H_SETSIZE, history_size);
        history(editor->history, &editor->event, H_SETUNIQUE, 1);
        el_set(editor->el, EL_HIST, history, editor->history);
    }
    el_set(editor->el, EL_CLIENTDATA, editor);
    el_set(editor->el, EL_EDITOR, "emacs");
    el_set(editor->el, EL_SIGNAL, 0);
    el_set(editor->el, EL_PROMPT_ESC, prompt_function, '\1');
    el_set(editor->el, EL_ADDFN, "lectern-complete", "Complete the word before the cursor", complete_function);

    /* Without SA_RESTART, Ctrl-C makes el_gets return with EINTR and drops the line. */
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    /* A parent may have blocked SIGINT (test runners, some IDEs); the mask is inherited
     * through exec, and a blocked Ctrl-C would silently do nothing. */
    sigset_t interrupt_only;
    sigemptyset(&interrupt_only);
    sigaddset(&interrupt_only, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &interrupt_only, NULL);
    return editor;
}

void lectern_editor_close(lectern_editor *editor) {
    if (editor == NULL) return;
    el_end(editor->el);
    if (editor->history != NULL) history_end(editor->history);
    free(editor->prompt);
    free(editor->line);
    free(editor);
    signal(SIGINT, SIG_DFL);
}

void lectern_editor_set_completion(lectern_editor *editor, lectern_complete_fn function, void *context) {
    editor->complete = function;
    editor->complete_context = context;
}

void lectern_editor_source_editrc(lectern_editor *editor) {
    el_source(editor->el, NULL);
    el_set(editor->el, EL_BIND, "^I", "lectern-complete", NULL);
}

void lectern_editor_set_prompt(lectern_editor *editor, const char *prompt) {
    char *copy = strdup(prompt != NULL ? prompt : "");
    if (copy == NULL) return;
    free(editor->prompt);
    editor->prompt = copy;
}

const char *lectern_editor_gets(lectern_editor *editor, int *status) {
    int count = 0;
    interrupted = 0;
    el_resize(editor->el);
    const char *raw = el_gets(editor->el, &count);
    if (raw == NULL || count <= 0) {
        *status = (interrupted || (count < 0 && errno == EINTR)) ? 1 : 0;
        interrupted = 0;
        return NULL;
    }
    size_t length = strlen(raw);
    while (length > 0 && (raw[length - 1] == '\n' || raw[length - 1] == '\r')) length--;
    char *copy = malloc(length + 1);
    if (copy == NULL) return NULL;
    memcpy(copy, raw, length);
    copy[length] = '\0';
    free(editor->line);
    editor->line = copy;
    *status = 0;
    return copy;
}

int lectern_editor_insert(lectern_editor *editor, const char *text) {
    return el_insertstr(editor->el, text);
}

void lectern_editor_print(lectern_editor *editor, const char *text) {
    (void)editor;
    fputs(text, stdout);
    fflush(stdout);
}

int lectern_history_add(lectern_editor *editor, const char *line) {
    if (editor->history == NULL) return -1;
    return history(editor->history, &editor->event, H_ENTER, line);
}

int lectern_history_load(lectern_editor *editor, const char *path) {
    if (editor->history == NULL) return -1;
    return history(editor->history, &editor->event, H_LOAD, path) < 0 ? -1 : 0;
}

int lectern_history_save(lectern_editor *editor, const char *path) {
    if (editor->history == NULL) return -1;
    return history(editor->history, &editor->event, H_SAVE, path) < 0 ? -1 : 0;
}

int lectern_history_count(lectern_editor *editor) {
    if (editor->history == NULL) return 0;
    HistEvent event;
    if (history(editor->history, &event, H_GETSIZE) < 0) return 0;
    return event.num;
}

void lectern_history_clear(lectern_editor *editor) {
    if (editor->history == NULL) return;
    history(editor->history, &editor->event, H_CLEAR);
}

/* The foreground group to give back at exit; -1 when Lectern did not take the terminal. */
static pid_t lectern_previous_foreground = -1;

static void lectern_set_foreground(pid_t group) {
    /* A background group that calls tcsetpgrp gets SIGTTOU unless it is blocked. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGTTOU);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    tcsetpgrp(STDIN_FILENO, group);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void lectern_release_foreground(void) {
    if (lectern_previous_foreground < 0) return;
    lectern_set_foreground(lectern_previous_foreground);
    lectern_previous_foreground = -1;
}

int lectern_claim_foreground(void) {
    if (!isatty(STDIN_FILENO)) return 0;
    pid_t self = getpid();
    pid_t group = getpgrp();
    /* A job-control shell already made us a group of our own: nothing to do. */
    if (group == self) return 0;
    if (tcgetpgrp(STDIN_FILENO) != group) return 0;
    if (setpgid(0, 0) != 0) return -1;
    lectern_previous_foreground = group;
    lectern_set_foreground(self);
    if (tcgetpgrp(STDIN_FILENO) != self) {
        lectern_previous_foreground = -1;
        setpgid(0, group);
        return -1;
    }
    /* Stopped with Ctrl-Z, Lectern would hold the terminal while its parent waits on: the
     * parent is no job-control shell and could never resume it. */
    signal(SIGTSTP, SIG_IGN);
    atexit(lectern_release_foreground);
    return 1;
}

/* libedit's character reader, replaced while a wake-up pipe is set: waits on the terminal
 * and the pipe together; a byte on the pipe lets the callback print above the line and
 * redraws it; bytes from the terminal are gathered into one whole UTF-8 character. */
static int wake_getc(EditLine *el, wchar_t *out) {
    lectern_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    char bytes[MB_LEN_MAX];
    size_t have = 0;
    for (;;) {
        struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {editor != NULL ? editor->wake_fd : -1, POLLIN, 0}};
        int ready = poll(fds, 2, -1);
        if (ready < 0) {
            if (errno == EINTR && !interrupted) continue;
            return -1;
        }
        if (fds[1].revents & (POLLIN | POLLHUP)) {
            char drain[64];
            ssize_t got = read(editor->wake_fd, drain, sizeof drain);
            if (got <= 0) editor->wake_fd = -1; /* the other end is gone: stop watching it */
            if (editor->wake != NULL && editor->wake(editor->wake_context) != 0) return 0;
            el_set(el, EL_REFRESH);
            continue;
        }
        if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        char byte;
        ssize_t got = read(STDIN_FILENO, &byte, 1);
        if (got == 0) return 0;
        if (got < 0) {
            if (errno == EINTR && !interrupted) continue;
            return -1;
        }
        bytes[have++] = byte;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        wchar_t character;
        size_t used = mbrtowc(&character, bytes, have, &state);
        if (used == (size_t)-2 && have < sizeof bytes) continue; /* more bytes of this character */
        if (used == (size_t)-1 || used == (size_t)-2) character = 0xFFFD;
        *out = character;
        return 1;
    }
}

void lectern_editor_set_wakeup(lectern_editor *editor, int wake_fd, lectern_wake_fn function, void *context) {
    editor->wake_fd = wake_fd;
    editor->wake = function;
    editor->wake_context = context;
    if (wake_fd >= 0) {
        el_set(editor->el, EL_GETCFN, wake_getc);
    } else {
        el_set(editor->el, EL_GETCFN, EL_BUILTIN_GETCFN);
    }
}
