"""smm: a chat-style terminal interview for the IIC IoT Security Maturity Model."""

__version__ = "0.1.0"
