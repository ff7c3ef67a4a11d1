# One image for every jointops process; the command picks the service.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml constraints.txt ./
COPY services ./services
COPY gateway ./gateway
COPY schemas ./schemas
RUN pip install --no-cache-dir -c constraints.txt . \
 && useradd --system --uid 10001 jointops
USER jointops
ENV PYTHONUNBUFFERED=1
CMD ["jointops", "--help"]
