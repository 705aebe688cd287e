"""End to end in a real browser: the web page's chat on the running Rasa and action servers.

Playwright drives Debian's Chromium (/usr/bin/chromium; `make test` and .ci/run install it).
Set WEB_CHAT_SCREENSHOT to a path to keep the conversation's screenshot, and
WEB_CHAT_SCREENSHOTS to a folder to keep the pictures' (`make screenshot`); the pictures'
screenshots are always saved in the test's temporary folder too.
"""

import json
import os
import re
import time
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
import requests
from playwright.sync_api import Browser, Page, expect, sync_playwright

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
REPLY_TIMEOUT_MS = 30_000
PROJECT = Path(__file__).resolve().parents[2]
# What the page's Content-Security-Policy is, whatever the page draws.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# Records what the page's Content-Security-Policy blocked: an init script runs before the page's own.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) =>
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI));
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium package).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            # Root in a container needs --no-sandbox; the closed network refuses Chromium's own calls.
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


class ChatPage:
    """One visitor's browser tab on the chat page, recording what a user could notice."""

    def __init__(self, page: Page, url: str):
        self.page, self.url = page, url
        self.requests: List[str] = []
        self.dialogs: List[str] = []
        self.errors: List[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._on_dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.add_init_script(RECORD_CSP_VIOLATIONS)
        page.set_default_timeout(REPLY_TIMEOUT_MS)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self) -> "ChatPage":
        self.page.goto(self.url)
        return self

    @property
    def messages(self):
        return self.page.locator("#messages")

    def bot_messages(self):
        return self.page.locator(".message.bot")

    def ask(self, text: str) -> None:
        box = self.page.get_by_label("Your question")
        box.fill(text)
        box.press("Enter")

    def ask_and_wait(self, text: str) -> None:
        """Sends `text` and waits for the assistant's next reply, whatever it says."""
        before = self.bot_messages().count()
        self.ask(text)
        self.page.wait_for_function(
            "n => document.querySelectorAll('.message.bot').length > n", arg=before, timeout=REPLY_TIMEOUT_MS
        )

    def wait_for_reply_containing(self, text: str):
        reply = self.bot_messages().filter(has_text=text).last
        expect(reply).to_be_visible()
        return reply

    def csp_violations(self) -> List[str]:
        return self.page.evaluate("window.cspViolations")

    def overflow(self) -> Dict[str, int]:
        """How many pixels the page, and the widest bubble, are wider (or taller) than they show."""
        return self.page.evaluate(
            """() => ({
              page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              // the conversation scrolls, not the page: a page taller than the screen shifts on a phone
              tall: document.documentElement.scrollHeight - document.documentElement.clientHeight,
              bubble: Math.max(0, ...[...document.querySelectorAll('.bubble')].map(b => b.scrollWidth - b.clientWidth)),
            })"""
        )


class ServerLog:
    """What the Rasa server logged from now on."""

    def __init__(self, servers):
        self.path = servers["rasa"].log_path
        self.start = self.path.stat().st_size

    def new(self) -> str:
        with open(self.path, encoding="utf-8", errors="replace") as log:
            log.seek(self.start)
            return log.read()


@pytest.fixture
def chat(browser: Browser, servers) -> Iterator[ChatPage]:
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    yield ChatPage(context.new_page(), servers["page"])
    context.close()


def test_page_opens_on_a_greeting_with_suggested_questions_and_loads_nothing_from_elsewhere(chat: ChatPage, servers):
    chat.open()
    chat.wait_for_reply_containing("I'm a guide to HR careers")
    expect(chat.page.get_by_role("button", name="HR generalist salary")).to_be_visible()
    expect(chat.page.get_by_role("button", name="Compare the two roles")).to_be_visible()
    expect(chat.page.get_by_label("Your question")).to_be_editable()
    expect(chat.page.get_by_role("button", name="Start over")).to_be_visible()
    # A suggested question works from the keyboard too.
    chat.page.get_by_role("button", name="What should I study?").press("Enter")
    chat.wait_for_reply_containing("Popular programs to study")
    elsewhere = [url for url in chat.requests if not url.startswith((servers["base"], "data:"))]
    assert elsewhere == []


def test_salary_question_follow_up_button_and_reload(chat: ChatPage, servers):
    log = ServerLog(servers)
    chat.open()
    chat.wait_for_reply_containing("I'm a guide to HR careers")

    chat.ask("how much does an HR generalist make?")
    expect(chat.page.locator("#typing")).to_be_visible()
    answer = chat.wait_for_reply_containing("$52,152 for HR generalists")
    expect(answer).to_contain_text("credited to the U.S. Bureau of Labor Statistics")
    expect(answer.locator("strong")).to_have_text("HR generalist, salary")  # bold renders
    expect(answer.locator("li")).to_have_count(2)  # the newest figure and the article's; the rest one button away
    chat.page.get_by_role("button", name="More detail").last.click()
    detail = chat.wait_for_reply_containing("Earlier BLS median (May 2024)")
    expect(detail.locator("li")).to_have_count(4)  # May 2025, the article, May 2017, May 2024

    chat.page.get_by_role("button", name="Compare salary with HR executive").last.click()
    table = chat.messages.locator("table").last
    expect(table).to_be_visible()
    expect(table.locator("th")).to_contain_text(["", "HR generalist", "HR executive"])
    expect(table).to_contain_text("$129,993 (2017)")
    verdict = chat.wait_for_reply_containing("earns $77,841 more than the HR generalist")
    link = verdict.locator("a", has_text="Human Resources Managers")
    expect(link).to_have_attribute("href", "https://www.bls.gov/ooh/management/human-resources-managers.htm")

    if os.environ.get("WEB_CHAT_SCREENSHOT"):
        chat.page.screenshot(path=os.environ["WEB_CHAT_SCREENSHOT"])

    chat.page.reload()
    expect(chat.messages).to_contain_text("how much does an HR generalist make?")
    expect(chat.messages.locator("table")).to_contain_text("$129,993 (2017)")
    # The server kept the conversation too: a follow-up after the reload knows the two roles.
    chat.ask("and what education do they need?")
    chat.wait_for_reply_containing("HR generalist vs HR executive, education")
    chat.page.close()  # the browser closes its socket
    assert_no_traceback(log)


def assert_no_traceback(log: ServerLog) -> None:
    """A socket closed by a reload, a start over or a closed tab is no error of the server's."""
    time.sleep(1)  # the server notices a closed websocket at once; its log line follows
    logged = log.new()
    assert "Traceback" not in logged and "Invalid response type" not in logged and " ERROR " not in logged, logged[
        -3000:
    ]


def test_html_in_a_message_is_shown_as_text_and_runs_nothing(chat: ChatPage):
    chat.open()
    chat.wait_for_reply_containing("I'm a guide to HR careers")
    markup = "<img src=x onerror=alert(1)>"
    chat.ask_and_wait(markup)
    expect(chat.page.locator(".message.user").last).to_have_text(markup)
    chat.page.wait_for_timeout(1000)  # time for an onerror handler to have fired
    assert chat.messages.locator("img").count() == 0
    assert chat.dialogs == []


def test_start_over_begins_a_new_conversation(chat: ChatPage, servers):
    log = ServerLog(servers)
    chat.open()
    chat.wait_for_reply_containing("I'm a guide to HR careers")
    chat.ask("how much does a labor lawyer earn?")
    chat.wait_for_reply_containing("$159,670 a year")
    chat.page.get_by_role("button", name="Start over").click()
    chat.wait_for_reply_containing("I'm a guide to HR careers")
    expect(chat.messages).not_to_contain_text("$159,670")
    # The old context went with the old conversation: "they" is no longer the labor lawyer,
    # and no one else, so the assistant asks.
    chat.ask_and_wait("and their job growth?")
    expect(chat.messages).to_contain_text("Which role do you mean?")
    expect(chat.messages).not_to_contain_text("for lawyers")
    assert_no_traceback(log)


def test_action_server_down_is_told_in_the_page_and_answers_resume(chat: ChatPage, servers):
    chat.open()
    chat.wait_for_reply_containing("I'm a guide to HR careers")
    chat.ask("how much does an HR executive make?")
    chat.wait_for_reply_containing("$129,993 for HR executives")
    servers["actions"].stop()
    try:
        chat.ask("and the generalist?")
        chat.wait_for_reply_containing("Sorry, I can't look that up right now. Please try again in a moment.")
    finally:
        servers["actions"].start()
    chat.ask("and the generalist?")
    chat.wait_for_reply_containing("$52,152 for HR generalists")


def test_page_fits_a_phone_screen(browser: Browser, servers):
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    chat = ChatPage(context.new_page(), servers["page"]).open()
    try:
        chat.wait_for_reply_containing("I'm a guide to HR careers")
        box = chat.page.get_by_label("Your question")
        expect(box).to_be_in_viewport()
        assert chat.page.evaluate("document.documentElement.scrollWidth") <= 375
        chat.page.get_by_role("button", name="HR generalist salary").tap()
        chat.wait_for_reply_containing("$52,152 for HR generalists")
    finally:
        context.close()


def test_socket_and_http_refuse_other_origins_and_the_api_is_off(servers):
    base = servers["base"]
    handshake = f"{base}/socket.io/?EIO=4&transport=polling"
    assert requests.get(handshake, headers={"Origin": base}, timeout=10).status_code == 200
    refused = requests.get(handshake, headers={"Origin": "http://evil.example"}, timeout=10)
    assert refused.status_code == 400
    preflight = requests.options(
        servers["webhook"],
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
        timeout=10,
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers
    assert requests.get(f"{base}/status", timeout=10).status_code == 404  # Rasa's HTTP API is not served
    page = requests.get(servers["page"], timeout=10)
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert requests.get(f"{base}/chat/..%2Fcredentials.yml", timeout=10).status_code == 404


# The pictures ------------------------------------------------------------------------

WAGES = json.loads((PROJECT / "knowledge_base" / "wages" / "oews-2025.json").read_text(encoding="utf-8"))
NATIONAL = "0000000"
HR_SPECIALISTS, HR_MANAGERS = "13-1071", "11-3121"  # the HR generalist's and the HR executive's occupations
PERCENTILES = ["annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90"]


def committed(soc: str, area: str, measure: str) -> float:
    return WAGES["rows"][soc][area][WAGES["measures"].index(measure)]


def range_labels(soc: str, area: str = NATIONAL) -> List[str]:
    """The five percentiles as the page must label them, read from the committed wage data."""
    return [f"${committed(soc, area, measure):,.0f}" for measure in PERCENTILES]


VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.fixture(params=list(VIEWPORTS))
def sized_chat(request, browser: Browser, servers) -> Iterator[ChatPage]:
    phone = request.param == "phone"
    context = browser.new_context(viewport=VIEWPORTS[request.param], is_mobile=phone, has_touch=phone)
    chat = ChatPage(context.new_page(), servers["page"])
    chat.size = request.param
    yield chat
    context.close()


def ask_for_a_picture(chat: ChatPage, question: str, reply_text: str, kind: str):
    """A new conversation's answer to `question` (the reply containing `reply_text`) and its picture."""
    chat.open()
    chat.wait_for_reply_containing("I'm a guide to HR careers")
    chat.ask(question)
    reply = chat.wait_for_reply_containing(reply_text)
    return reply, reply.locator(f"figure.picture-{kind}")


def save_screenshot(chat: ChatPage, reply, name: str, tmp_path: Path) -> None:
    reply.locator("figure").scroll_into_view_if_needed()
    folders = [tmp_path] + (
        [Path(os.environ["WEB_CHAT_SCREENSHOTS"])] if os.environ.get("WEB_CHAT_SCREENSHOTS") else []
    )
    for folder in folders:
        chat.page.screenshot(path=str(folder / f"web-chat-{name}-{chat.size}.png"))
    assert (tmp_path / f"web-chat-{name}-{chat.size}.png").stat().st_size > 10_000


def assert_fits_and_stays_home(chat: ChatPage, servers) -> None:
    assert chat.overflow() == {"page": 0, "tall": 0, "bubble": 0}
    assert chat.csp_violations() == [] and chat.errors == []
    elsewhere = [url for url in chat.requests if not url.startswith((servers["base"], "data:"))]
    assert elsewhere == []
    assert requests.get(servers["page"], timeout=10).headers["Content-Security-Policy"] == PAGE_CSP


def assert_pay_ranges(figure, expected: List[List[str]]) -> None:
    """One row of marks per range (the line, the box, the median) and each figure labelled."""
    expect(figure.locator("svg.pay-range g.marks")).to_have_count(len(expected))
    expect(figure.locator("svg.pay-range .mark")).to_have_count(3 * len(expected))
    for index, labels in enumerate(expected):
        keys = ["p10", "p25", "median", "p75", "p90"]
        shown = figure.locator("svg.pay-range .figure-label")
        texts = [shown.nth(5 * index + n).text_content() for n in range(5)]
        order = [shown.nth(5 * index + n).get_attribute("data-key") for n in range(5)]
        assert dict(zip(order, texts)) == dict(zip(keys, labels))
        # The text equivalent, in the same reply, carries every figure of the picture.
        text = figure.locator(".picture-text").text_content()
        assert all(label in text for label in labels), text


def test_a_salary_answer_shows_its_pay_range_and_its_figures_as_text(sized_chat: ChatPage, servers, tmp_path):
    chat = sized_chat
    reply, figure = ask_for_a_picture(
        chat, "how much does an HR generalist make?", "for human resources specialists in the U.S.", "pay-range"
    )
    expect(figure.locator("figcaption")).to_have_text("HR generalist, the U.S.: pay range")
    labels = range_labels(HR_SPECIALISTS)
    assert_pay_ranges(figure, [labels])
    expect(reply).to_contain_text(f"Median pay (May 2025): {labels[2]} a year")  # and in the answer itself
    save_screenshot(chat, reply, "salary", tmp_path)
    assert_fits_and_stays_home(chat, servers)


def test_a_comparison_shows_both_ranges_on_one_axis(sized_chat: ChatPage, servers, tmp_path):
    chat = sized_chat
    reply, figure = ask_for_a_picture(
        chat,
        "compare the salary of an HR generalist and an HR executive",
        "HR generalist vs HR executive, salary",
        "pay-range",
    )
    expect(figure.locator("figcaption")).to_have_text("HR generalist vs HR executive, pay range in the U.S.")
    assert_pay_ranges(figure, [range_labels(HR_SPECIALISTS), range_labels(HR_MANAGERS)])
    boxes = figure.locator("svg.pay-range rect.box")
    first, second = (boxes.nth(n).bounding_box() for n in (0, 1))
    assert first["x"] < second["x"]  # one axis: the better-paid range lies further right
    save_screenshot(chat, reply, "comparison", tmp_path)
    assert_fits_and_stays_home(chat, servers)


def test_where_it_pays_best_shows_a_map_of_the_states_with_the_top_five_as_text(
    sized_chat: ChatPage, servers, tmp_path
):
    chat = sized_chat
    reply, figure = ask_for_a_picture(
        chat, "which states pay HR managers the most?", "the 5 states with the highest median annual pay", "state-map"
    )
    states = {
        code: committed(HR_MANAGERS, code, "annual_median")
        for code, area in WAGES["areas"].items()
        if area["type"] == "S" and committed(HR_MANAGERS, code, "annual_median") is not None
    }
    top = sorted(states, key=lambda code: -states[code])[:5]
    expect(figure.locator("path.state")).to_have_count(51)  # 50 states and DC, from us-atlas
    outlined = figure.locator("path.state.listed")
    expect(outlined).to_have_count(5)
    assert sorted(outlined.nth(n).get_attribute("data-fips") for n in range(5)) == sorted(c[:2] for c in top)
    expect(figure.locator(".map-legend li")).to_have_count(6)  # five shades and the outline
    # The top five as text, in the answer and beside the map; every state in the table under it.
    for code in top:
        name, figure_text = WAGES["areas"][code]["name"], f"${states[code]:,.0f}"
        expect(reply.locator("table").first).to_contain_text(name)
        expect(figure.locator(".picture-text")).to_contain_text(f"{name} {figure_text}")
    expect(figure.locator("details table tbody tr")).to_have_count(len(states))
    # Pointing at (or tapping) a state shows its figure.
    texas = figure.locator('path.state[data-fips="48"]')
    if chat.size == "phone":
        texas.tap()
    else:
        texas.hover()
    expect(figure.locator(".map-readout")).to_contain_text(f"Texas: ${states['4800000']:,.0f}")
    # The smallest states have a box of their own to point at.
    dc = figure.locator('rect.state-box[data-fips="11"]')
    dc.tap() if chat.size == "phone" else dc.hover()
    expect(figure.locator(".map-readout")).to_contain_text(f"District of Columbia: ${states['1100000']:,.0f}")
    save_screenshot(chat, reply, "map", tmp_path)
    assert_fits_and_stays_home(chat, servers)


def test_quick_replies_are_buttons_reached_and_used_from_the_keyboard(chat: ChatPage):
    chat.open()
    chat.wait_for_reply_containing("I'm a guide to HR careers")
    chat.ask("how much does an HR executive make?")
    chat.wait_for_reply_containing("for human resources managers in the U.S.")
    replies = chat.page.locator(".message.bot").last.locator(".quick-reply")
    assert replies.evaluate_all("buttons => buttons.map(b => b.tagName)") == ["BUTTON"] * replies.count()
    chat.page.get_by_label("Your question").focus()
    chat.page.keyboard.press("Shift+Tab")  # back from the question box: the last suggested question
    focused = chat.page.evaluate("document.activeElement.textContent")
    assert focused == replies.last.text_content()
    chat.page.keyboard.press("Enter")
    expect(chat.page.locator(".message.user").last).to_have_text(focused)
    expect(chat.bot_messages()).to_have_count(3)


def test_a_table_on_a_phone_stacks_its_rows(browser: Browser, servers):
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True)
    chat = ChatPage(context.new_page(), servers["page"]).open()
    try:
        chat.wait_for_reply_containing("I'm a guide to HR careers")
        chat.ask("compare HR generalist and HR executive education")
        reply = chat.wait_for_reply_containing("HR generalist vs HR executive, education")
        cell = reply.locator("table td").nth(1)
        assert cell.evaluate("td => getComputedStyle(td).display") == "block"
        assert cell.evaluate("td => getComputedStyle(td, '::before').content").startswith('"HR generalist')
        # With more tables, scrolled back up: the tables below the screen (and the headers a
        # phone hides) stay inside the conversation, which scrolls; the page does not.
        for question, answer in [
            ("compare the salary of an HR generalist and an HR executive", "HR generalist vs HR executive, salary"),
            ("compare a labor lawyer and an HR executive", "Labor lawyer vs HR executive"),
        ]:
            chat.ask(question)
            chat.wait_for_reply_containing(answer)
        chat.messages.evaluate("log => { log.scrollTop = 0; }")
        assert chat.overflow() == {"page": 0, "tall": 0, "bubble": 0}
    finally:
        context.close()


def test_the_help_text_keeps_its_closing_line_out_of_the_list(chat: ChatPage):
    chat.open()
    chat.wait_for_reply_containing("I'm a guide to HR careers")
    chat.ask("what can you do?")
    reply = chat.wait_for_reply_containing("Follow-ups work too")
    expect(reply.locator(".bubble")).to_have_count(1)  # one reply, one bubble
    expect(reply.locator("li")).to_have_count(7)
    expect(reply.locator("li").filter(has_text="Follow-ups work too")).to_have_count(0)
    expect(reply.locator("p").last).to_have_text(re.compile(r"^Follow-ups work too"))
