"""What every report format is: a small class over one report-data dict."""


class Exporter:
    format: str
    extension: str
    content_type: str

    def render(self, data: dict) -> bytes:
        raise NotImplementedError
