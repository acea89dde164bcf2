#!/usr/bin/env python3
"""Drives the live class's pages in a real browser (Debian's chromium through Playwright).

Run by LivePagesBrowserTests, which starts `lectern host` and a terminal student. This
script is the director: it opens the projector page and two student pages, and asks the
test for the host's commands and the terminal student's answers by printing lines:

    HOST <command>        the test sends <command> to the host shell
    TERMINAL <answer>     the test types <answer> in the terminal student's `lectern join`
    DONE                  everything passed

Arguments: BASE_URL CODE DECK_YAML SCREENSHOT_FOLDER. With `--restart BASE_URL CODE` it
opens the projector page alone and prints RESTART: the test restarts the host on the same
port, and the page must show the new class by itself. A failed check exits 1 with the
reason on standard error; exit 2 when Playwright is not installed.
"""
import os
import re
import sys

try:
    import yaml
    from playwright.sync_api import expect, sync_playwright
except ImportError as error:
    print(f"browser peer missing: {error}", file=sys.stderr)
    sys.exit(2)

WAIT = 15000  # milliseconds a page may take to show what the host sent

# The pages' Content-Security-Policy forbids evaluating strings, so waits use Playwright's
# own assertions (`expect`), never `wait_for_function`.


class Failed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failed(message)


def tell(line):
    print(line, flush=True)


class Class:
    def __init__(self, base, code, deck, folder, browser):
        self.base, self.code, self.folder = base, code, folder
        self.items = deck["items"]
        self.projector = browser.new_page(viewport={"width": 1920, "height": 1080})
        # Each student in a context of their own: separate storage, as on separate phones.
        self.students = [browser.new_context(viewport={"width": 360, "height": 640}).new_page() for _ in range(2)]

    def shoot(self, phase):
        self.projector.screenshot(path=os.path.join(self.folder, f"projector-{phase}.png"))
        self.students[0].screenshot(path=os.path.join(self.folder, f"student-{phase}.png"))

    def text(self, page):
        return page.inner_text("body")

    def key_texts(self, item):
        """What says or explains the answer: never on a screen before the reveal."""
        texts = [item.get("explain", "")]
        texts += [option.get("feedback", "") for option in item.get("options", [])]
        texts += item.get("accept", [])
        if item["type"] == "order":  # the right order, as the letters would give it
            texts.append(" ".join(item["sequence"]))
        return [text for text in texts if len(text) >= 3]

    def right_text(self, item):
        if item["type"] == "choice":
            return next(option["text"] for option in item["options"] if option.get("correct"))
        if item["type"] == "truefalse":
            return "True" if item["answer"] else "False"
        return item["accept"][0]

    # --- Phases -----------------------------------------------------------------------

    def lobby(self):
        self.projector.goto(self.base + "/")
        self.projector.wait_for_selector("#lobby:not([hidden])", timeout=WAIT)
        check(self.projector.inner_text("#join-code") == self.code, "the projector shows the code")
        check(f"/join?code={self.code}" in self.projector.inner_text("#join-address"), "and the join address")
        loaded = self.projector.eval_on_selector("#qr", "img => img.complete && img.naturalWidth > 0")
        check(loaded, "the QR code image loads from the host")
        # Ana joins with the mouse, in Chinese; Ben with the keyboard alone.
        for page in self.students:
            page.goto(f"{self.base}/join?code={self.code.lower()}")
            check(page.input_value("#code") == self.code, "?code= fills in the code")
        ana, ben = self.students
        ana.fill("#name", "李安娜")
        ana.click("button[type=submit]")
        ben.focus("#name")
        ben.keyboard.type("Ben")
        ben.keyboard.press("Tab")  # the code, already filled in
        ben.keyboard.press("Tab")  # the Join button
        ben.keyboard.press("Enter")
        expect(self.projector.locator("#names li")).to_have_count(3, timeout=WAIT)
        names = self.projector.inner_text("#names")
        check("李安娜" in names and "Ben" in names and "Tess" in names, f"the lobby lists everyone: {names}")
        for page in self.students:
            page.wait_for_selector("#lobby:not([hidden])", timeout=WAIT)
        width = self.students[0].evaluate("() => document.documentElement.scrollWidth")
        check(width <= 360, f"no sideways scrolling at 360 pixels: {width}")
        self.shoot("lobby")

    def question(self, index):
        item = self.items[index]
        heading = f"Question {index + 1} of {len(self.items)}"
        starts = re.compile("^" + re.escape(heading))
        expect(self.projector.locator("#question-heading")).to_have_text(starts, timeout=WAIT)
        self.projector.wait_for_selector("#question:not([hidden])", timeout=WAIT)
        for page in self.students:
            expect(page.locator("#question-heading")).to_have_text(starts, timeout=WAIT)
        self.wait_progress(0)
        self.check_no_key(item, "when the question opens")
        check(self.projector.inner_text("#prompt") == item["prompt"], "the projector shows the prompt")
        return item

    def check_no_key(self, item, when, students=True):
        pages = [(self.projector, "projector")] + ([(page, "student") for page in self.students] if students else [])
        for page, who in pages:
            shown = self.text(page).lower()
            for key in self.key_texts(item):
                check(key.lower() not in shown, f"the {who} page shows {key!r} {when}, before the reveal")
            check("The answer:" not in self.text(page), f"the {who} page gives the answer {when}")
        check("✓" not in self.text(self.projector), f"the projector marks an option {when}")

    def answer(self, page, item, right):
        """Answers on a student page: taps for choice and true/false, types for words,
        moves entries for an order (by keyboard), picks from lists for a match."""
        if item["type"] == "order":
            if right:
                self.put_in_order(page, item["sequence"])
            page.get_by_role("button", name="Send").click()
        elif item["type"] == "match":
            letters = self.match_letters(page, item)
            if not right:
                letters = letters[1:] + letters[:1]  # every pair wrong
            for row, letter in enumerate(letters):
                page.select_option(f"#pair-{row}", value=letter)
            page.get_by_role("button", name="Send").click()
        elif item["type"] in ("choice", "truefalse"):
            buttons = page.locator("#answer-area button")
            texts = [buttons.nth(i).inner_text() for i in range(buttons.count())]
            target = self.right_text(item)
            chosen = next(i for i, text in enumerate(texts) if (text.endswith(target)) == right)
            box = buttons.nth(chosen).bounding_box()
            check(box["height"] >= 44 and box["width"] >= 300, f"a big tap target: {box}")
            buttons.nth(chosen).click()
        else:
            field = page.locator("#typed")
            check(page.locator("label[for=typed]").count() == 1, "the text field has a label")
            field.fill(self.right_text(item) if right else "the sellers")
            field.press("Enter")
        expect(page.locator("#accepted")).to_have_text(re.compile("^Answer received"), timeout=WAIT)

    def put_in_order(self, page, sequence):
        """Moves each entry up to its place with the keyboard (focus its Up button, Enter)."""
        for place, text in enumerate(sequence):
            while True:
                rows = page.locator("ol li .text")
                texts = [rows.nth(i).inner_text() for i in range(rows.count())]
                at = next(i for i, shown in enumerate(texts) if shown.endswith(text))
                if at == place:
                    break
                up = page.locator("ol li").nth(at).get_by_role("button", name=re.compile("^Move .* up$"))
                up.focus()
                page.keyboard.press("Enter")

    def match_letters(self, page, item):
        """The letter of each left-hand entry's right partner, as the page's lists name them."""
        options = page.locator("#pair-0 option")
        shown = {options.nth(i).inner_text(): options.nth(i).get_attribute("value") for i in range(options.count())}
        letters = []
        for pair in item["pairs"]:
            letters.append(next(value for text, value in shown.items() if text.endswith(pair["right"])))
        return letters

    def terminal_answer(self, item):
        """What the terminal student types: the right answer, as the projector letters it."""
        if item["type"] == "choice":
            return self.projector_letter(self.right_text(item))
        if item["type"] == "truefalse":
            return "t" if item["answer"] else "f"
        if item["type"] == "order":
            return " ".join(self.projector_letter(text) for text in item["sequence"])
        if item["type"] == "match":
            return " ".join(f"{i + 1}{self.projector_letter(pair['right'])}" for i, pair in enumerate(item["pairs"]))
        return item["accept"][0]

    def projector_letter(self, text):
        options = self.projector.locator("#options li")
        for i in range(options.count()):
            shown = options.nth(i).inner_text()
            if re.fullmatch(r"[a-z]\) " + re.escape(text), shown):
                return shown[0]
        raise Failed(f"the projector does not list {text!r}")

    def wait_progress(self, answered):
        expect(self.projector.locator("#progress")).to_have_text(f"{answered} of 3 answered", timeout=WAIT)

    def reveal(self, index, item):
        self.projector.wait_for_selector("#reveal:not([hidden])", timeout=WAIT)
        shown = self.text(self.projector)
        check(f"The answer: " in shown, "the projector gives the answer after the reveal")
        check(item["explain"] in shown, "and the explanation")
        check(self.projector.locator(".bar.right").count() >= 1 or item["type"] == "short", "a bar is marked right")
        check(self.projector.locator("#top li").count() == 3, "the top of the board has the three students")
        for page in self.students:
            page.wait_for_selector("#reveal:not([hidden])", timeout=WAIT)
            check(re.search(r"rank \d of 3", page.inner_text("#standing")), "a student sees their rank")
            check(item["explain"] in self.text(page), "a student sees the explanation")
        check("Right" in self.students[0].inner_text("#reveal-heading"), "Ana was right")
        check(": Right" not in self.students[1].inner_text("#reveal-heading"), "Ben was not right")

    def run(self):
        self.lobby()
        tell("HOST start")
        for index in range(len(self.items)):
            item = self.question(index)
            if index == 0:
                self.shoot("question")
            elif item["type"] in ("order", "match"):
                self.students[0].screenshot(path=os.path.join(self.folder, f"student-{item['type']}.png"))
            ana, ben = self.students
            self.answer(ana, item, right=True)
            self.wait_progress(1)
            if index == 0:
                # Ben reloads mid-question: the token in the page's storage keeps his seat.
                ben.reload()
                expect(ben.locator("#status")).to_have_text(re.compile("^Welcome back, Ben"), timeout=WAIT)
                ben.wait_for_selector("#question:not([hidden])", timeout=WAIT)
                check(ben.locator("#join-form").is_hidden(), "no second join form after the reload")
            self.answer(ben, item, right=False)
            self.wait_progress(2)
            # Ana's page now shows her own answer; the room's screen still shows nobody's.
            self.check_no_key(item, "with two of three answers in", students=False)
            tell(f"TERMINAL {self.terminal_answer(item)}")
            self.reveal(index, item)
            if index == 0:
                self.shoot("reveal")
                tell("HOST board")
                self.projector.wait_for_selector("#board:not([hidden])", timeout=WAIT)
                check(self.projector.locator("#entries li").count() == 3, "the board lists the class")
                check("Ben" in self.projector.inner_text("#entries"), "Ben kept his seat after the reload")
                self.shoot("board")
            if index + 1 < len(self.items):
                tell("HOST next")
        tell("HOST end")
        self.projector.wait_for_selector("#podium-section:not([hidden])", timeout=WAIT)
        check(self.projector.locator("#podium li").count() == 3, "the podium has three places")
        expect(self.students[0].locator("#reveal-heading")).to_have_text("The class is over", timeout=WAIT)
        self.shoot("podium")


def projector_recovers(browser, base, code):
    """The host is restarted while the projector page is open: it shows the new class by itself."""
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(base + "/")
    expect(page.locator("#join-code")).to_have_text(code, timeout=WAIT)
    tell("RESTART")
    expect(page.locator("#join-code")).not_to_have_text(code, timeout=3 * WAIT)
    expect(page.locator("#lobby")).to_be_visible(timeout=WAIT)
    check(page.inner_text("#status") == "", "no connection warning once the host is back")


def main():
    if sys.argv[1] == "--restart":
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            try:
                projector_recovers(browser, sys.argv[2], sys.argv[3])
            except Exception as failure:
                print(f"check failed: {type(failure).__name__}: {failure}", file=sys.stderr)
                return 1
            finally:
                browser.close()
        tell("DONE")
        return 0
    base, code, deck_path, folder = sys.argv[1:5]
    os.makedirs(folder, exist_ok=True)
    with open(deck_path, encoding="utf-8") as source:
        deck = yaml.safe_load(source)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            Class(base, code, deck, folder, browser).run()
        except Exception as failure:  # a failed check, a page that never showed something, a crash
            print(f"check failed: {type(failure).__name__}: {failure}", file=sys.stderr)
            return 1
        finally:
            browser.close()
    tell("DONE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
