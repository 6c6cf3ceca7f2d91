"""A real SMTP server on loopback (aiosmtpd), for the emails the workers send."""

import asyncio
import email
import threading
from email import policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from bench.common import free_port


class Mailbox:
    """Keeps what it accepts; refuses the first ``refuse`` deliveries with a
    temporary error (451), as a busy or failing server does.

    With ``hold_after``, once it has kept that many messages it holds each
    further one without answering (``held`` counts them) until ``release()``,
    as a stalled server does: a sender killed meanwhile drops the connection,
    and the message held is not kept."""

    def __init__(self, refuse: int = 0, hold_after: int | None = None):
        self.refuse = refuse
        self.hold_after = hold_after
        self.attempts = 0
        self.held = 0
        self.messages: list[EmailMessage] = []
        self.lock = threading.Lock()

    def holding(self) -> bool:
        with self.lock:
            return self.hold_after is not None and len(self.messages) >= self.hold_after

    def release(self) -> None:
        with self.lock:
            self.hold_after = None

    async def handle_DATA(self, server, session, envelope):
        if self.holding():
            with self.lock:
                self.held += 1
            try:
                while self.holding():
                    await asyncio.sleep(0.01)
            finally:  # released, or the connection dropped
                with self.lock:
                    self.held -= 1
        with self.lock:
            self.attempts += 1
            if self.attempts <= self.refuse:
                return "451 4.3.0 Prueba: servidor ocupado, intente más tarde"
            message = email.message_from_bytes(envelope.content, policy=policy.default)
            message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
            self.messages.append(message)
        return "250 2.0.0 Aceptado"


class SmtpServer:
    def __init__(self, refuse: int = 0, hold_after: int | None = None):
        self.mailbox = Mailbox(refuse=refuse, hold_after=hold_after)
        self.port = free_port()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def messages(self) -> list[EmailMessage]:
        with self.mailbox.lock:
            return list(self.mailbox.messages)

    @property
    def held(self) -> int:
        """How many messages the server holds unanswered (``hold_after``)."""
        with self.mailbox.lock:
            return self.mailbox.held

    def env(self) -> dict[str, str]:
        """What a worker process needs to send through this server."""
        return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.port), "EMAIL_USE_TLS": "0"}


def text_of(message: EmailMessage) -> str:
    """The plain-text part of ``message``, decoded."""
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
