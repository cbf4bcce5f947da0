/**
 * Intercom's official install snippet for single-page apps, verbatim, as Intercom's help article
 * "Integrate Intercom in a single page app" gives it
 * (https://www.intercom.com/help/en/articles/170-integrate-intercom-in-a-single-page-app; the
 * basic-JavaScript install at https://developers.intercom.com/installing-intercom/web/installation
 * uses the same loader). The article says to set APP_ID to the workspace id; the page does that
 * in a script of its own before this one.
 */
export const INTERCOM_SNIPPET =
  "(function(){var w=window;var ic=w.Intercom;if(typeof ic===\"function\"){ic('reattach_activator');ic('update',w.intercomSettings);}else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src='https://widget.intercom.io/widget/' + APP_ID;var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s,x);};if(w.attachEvent){w.attachEvent('onload',l);}else{w.addEventListener('load',l,false);}}})();";

/**
 * The snippet has no version of its own: its id is the first 8 hex digits of the SHA-256 of the
 * text above, so any change to the text is a new subject id (test/subjects/third-party checks they agree).
 */
export const SNIPPET_VERSION = 'sha256-05169d0e';
