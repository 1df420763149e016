"""The live preview (``slidegen preview``): a local web page of the deck's slides.

* :mod:`.slides` splits a built .pptx into slides with a content hash each, and makes the
  small .pptx that holds only the slides to render;
* :mod:`.render` renders those slides through LibreOffice and keeps every image by hash;
* :mod:`.server` serves the page, ``/slides.json``, the images and the server-sent events;
* :mod:`.session` ties them to the watch loop: rebuild on save, render what changed, tell
  the page.

Nothing here is imported by the quick commands.
"""
