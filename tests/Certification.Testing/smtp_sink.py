"""An aiosmtpd handler for tests: keeps every message it accepts as an .eml file in a directory.

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.Sink DIRECTORY

Recipients in the domain refused.example are refused with a permanent 550, as a real server
refuses an unknown mailbox.
"""
import os
import time
import uuid


class Sink:
    def __init__(self, directory):
        self.directory = directory

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("Sink takes one argument: the directory to keep messages in")
        os.makedirs(args[0], exist_ok=True)
        return cls(args[0])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith("@refused.example"):
            return f"550 5.1.1 <{address}>: Recipient address rejected: user unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        partial = os.path.join(self.directory, name + ".partial")
        with open(partial, "wb") as file:
            file.write(envelope.original_content)
        # Renamed only when whole, so a reader never sees half a message.
        os.replace(partial, os.path.join(self.directory, name + ".eml"))
        return "250 Message accepted for delivery"
