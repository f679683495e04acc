"""The inquiries' pages, one module per audience or subject: public (intake and tracking),
inquiries (the staff's list and page), handling (the page's actions), council."""
