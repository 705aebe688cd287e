"""End to end in a real browser: the web page's chat widget on the running Rasa and action servers.

Playwright drives Debian's Chromium (/usr/bin/chromium; `make test` and .ci/run install it).
Set WEB_CHAT_SCREENSHOT to a path to keep the conversation's screenshot (`make screenshot`).
"""

import os
from pathlib import Path
from typing import Iterator, List

import pytest
import requests
from playwright.sync_api import Browser, Page, expect, sync_playwright

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
REPLY_TIMEOUT_MS = 30_000


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
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._on_dialog)
        page.set_default_timeout(REPLY_TIMEOUT_MS)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self) -> "ChatPage":
        self.page.goto(self.url)
        return self

    @property
    def messages(self):
        return self.page.locator(".rw-messages-container")

    def bot_messages(self):
        return self.page.locator(".rw-response")

    def ask(self, text: str) -> None:
        box = self.page.get_by_label("Your question")
        box.fill(text)
        box.press("Enter")

    def ask_and_wait(self, text: str) -> None:
        """Sends `text` and waits for the assistant's next reply, whatever it says."""
        before = self.bot_messages().count()
        self.ask(text)
        self.page.wait_for_function(
            "n => document.querySelectorAll('.rw-response').length > n", arg=before, timeout=REPLY_TIMEOUT_MS
        )

    def wait_for_reply_containing(self, text: str):
        reply = self.bot_messages().filter(has_text=text).last
        expect(reply).to_be_visible()
        return reply


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


def test_salary_question_follow_up_button_and_reload(chat: ChatPage):
    chat.open()
    chat.wait_for_reply_containing("I'm a guide to HR careers")

    chat.ask("how much does an HR generalist make?")
    expect(chat.page.locator(".rw-typing-indication")).to_be_visible()
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


def test_html_in_a_message_is_shown_as_text_and_runs_nothing(chat: ChatPage):
    chat.open()
    chat.wait_for_reply_containing("I'm a guide to HR careers")
    markup = "<img src=x onerror=alert(1)>"
    chat.ask_and_wait(markup)
    expect(chat.page.locator(".rw-client").last).to_have_text(markup)
    chat.page.wait_for_timeout(1000)  # time for an onerror handler to have fired
    assert chat.messages.locator("img").count() == 0
    assert chat.dialogs == []


def test_start_over_begins_a_new_conversation(chat: ChatPage):
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
